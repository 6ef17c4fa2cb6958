// Work that must run on one app server at a time (the scheduler of timed events, the webhook
// worker) holds a lease row in the database. The holder renews it while it works; a server that
// dies stops renewing, and once the row has expired the next server to ask takes it over. Taking
// a lease over is audited, so the trail says which server did the work from when.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import { writeTx } from '../../db/client';
import { leases } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { Deps } from '../deps';

/** This process, as lease holder: host, process id and a random part (a restarted process is a new holder). */
const SERVER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const WORK_NAMES: Record<string, string> = { scheduler: '定时事件 / Timed events', webhooks: '回调推送 / Webhook deliveries' };

/**
 * Takes or renews the lease `name` for ttlMs from now; true when `holder` holds it afterwards.
 * Atomic: read and write are one write transaction, so two servers never both get it.
 */
export function takeLease(deps: Deps, name: string, ttlMs: number, holder = SERVER_ID): boolean {
  const now = deps.clock.now();
  return writeTx(deps.db, (tx) => {
    const current = tx.select().from(leases).where(eq(leases.name, name)).get();
    if (current && current.holder !== holder && current.expiresAt > now.toISOString()) return false;
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    tx.insert(leases).values({ name, holder, expiresAt }).onConflictDoUpdate({ target: leases.name, set: { holder, expiresAt } }).run();
    if (current?.holder !== holder) {
      appendAudit(tx, {
        at: now.toISOString(), kind: 'admin', actorName: 'system', actorRole: 'system', type: 'lease.taken',
        comment: `${WORK_NAMES[name] ?? name}: ${holder}`,
      });
    }
    return true;
  });
}

/**
 * A lease kept by one server's loop: `held()` answers from memory while more than half the
 * lease is left (no write per tick), and renews it in the database otherwise.
 */
export function leaseKeeper(deps: Deps, name: string, ttlMs: number, holder = SERVER_ID): { held: () => boolean } {
  let until = 0;
  return {
    held: () => {
      const now = deps.clock.now().getTime();
      if (until - now > ttlMs / 2) return true;
      if (!takeLease(deps, name, ttlMs, holder)) {
        until = 0;
        return false;
      }
      until = now + ttlMs;
      return true;
    },
  };
}
