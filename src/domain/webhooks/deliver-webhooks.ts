// The delivery worker: sends due outbox rows, in order per endpoint and case (a later event of a
// case waits until the earlier one is delivered or given up), retries with exponential backoff
// for 24 hours, then gives up the delivery and marks its endpoint failing.
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import type { Deps } from '../deps';
import { leaseKeeper } from '../setup/lease';
import { onOutboxWrite } from './enqueue-webhooks';
import { sendSigned } from './send-signed';

interface Due { id: number; deliveryId: string; type: string; body: string; attempts: number; retryUntil: string; endpointId: number; url: string; secret: string }

const BATCH = 50;

function dueDeliveries(db: Db, now: string): Due[] {
  return preparedQuery(db, 'webhook-due', (d) => d.$client.prepare(
    `select w.id, w.delivery_id as deliveryId, w.type, w.body, w.attempts, w.retry_until as retryUntil, w.endpoint_id as endpointId, e.url, e.secret
       from webhook_deliveries w join webhook_endpoints e on e.id = w.endpoint_id
      where w.status = 'pending' and w.next_attempt_at <= ? and e.removed_at is null
        and not exists (select 1 from webhook_deliveries p
                         where p.endpoint_id = w.endpoint_id and p.case_id = w.case_id and p.status = 'pending' and p.id < w.id)
      order by w.id limit ${BATCH}`)).all(now) as Due[];
}

/** Delay before attempt n + 1: the setting, doubled per attempt, never past the retry window. */
function nextAttemptAt(now: Date, attempts: number, baseSeconds: number, retryUntil: string): string {
  const delay = baseSeconds * 1000 * 2 ** Math.min(attempts - 1, 30);
  return new Date(Math.min(now.getTime() + delay, Date.parse(retryUntil))).toISOString();
}

function record(db: Db, d: Due, now: Date, result: { status: number | null; error: string | null }, baseSeconds: number): void {
  const at = now.toISOString();
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const attempts = d.attempts + 1;
  const sql = db.$client;
  sql.transaction(() => {
    if (ok) {
      sql.prepare(`update webhook_deliveries set status = 'delivered', attempts = ?, last_attempt_at = ?, last_status = ?, last_error = null, delivered_at = ? where id = ?`)
        .run(attempts, at, result.status, at, d.id);
      sql.prepare('update webhook_endpoints set failing_since = null where id = ?').run(d.endpointId);
    } else if (at >= d.retryUntil) {
      sql.prepare(`update webhook_deliveries set status = 'failed', attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ? where id = ?`)
        .run(attempts, at, result.status, result.error, d.id);
      sql.prepare('update webhook_endpoints set failing_since = coalesce(failing_since, ?) where id = ?').run(at, d.endpointId);
    } else {
      sql.prepare(`update webhook_deliveries set attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ?, next_attempt_at = ? where id = ?`)
        .run(attempts, at, result.status, result.error, nextAttemptAt(now, attempts, baseSeconds, d.retryUntil), d.id);
    }
  }).immediate();
}

const running = new WeakMap<Db, Promise<number>>();
const queued = new WeakMap<Db, Promise<number>>();

/**
 * Sends every delivery due now (one per endpoint and case at a time, those in parallel) until
 * none is due; returns how many attempts were made. Concurrent calls share one run.
 */
export function deliverDue(deps: Deps): Promise<number> {
  const current = running.get(deps.db);
  if (current) {
    // One more run after the current one picks up whatever this caller wanted sent.
    let next = queued.get(deps.db);
    if (!next) {
      next = current.then(() => { queued.delete(deps.db); return deliverDue(deps); });
      queued.set(deps.db, next);
    }
    return next;
  }
  const run = (async () => {
    let attempts = 0;
    for (;;) {
      const due = dueDeliveries(deps.db, deps.clock.now().toISOString());
      if (due.length === 0) return attempts;
      await Promise.all(due.map(async (d) => {
        const result = await sendSigned({
          url: d.url, secret: d.secret, body: d.body, deliveryId: d.deliveryId, type: d.type, now: deps.clock.now(), allowPrivate: deps.config.WEBHOOK_ALLOW_PRIVATE,
        });
        record(deps.db, d, deps.clock.now(), result, deps.config.WEBHOOK_RETRY_SECONDS);
      }));
      attempts += due.length;
    }
  })().finally(() => running.delete(deps.db));
  running.set(deps.db, run);
  return run;
}

/** Started with the server: woken after each commit that wrote deliveries, and every second for retries. */
export function startWebhookWorker(deps: Deps, intervalMs = 1000): void {
  // One server delivers at a time (src/domain/setup/lease.ts): two would send each delivery twice.
  const lease = leaseKeeper(deps, 'webhooks', 30_000);
  const tick = () => {
    if (!lease.held()) return;
    void deliverDue(deps).catch((err: unknown) => { if (deps.config.LOG_LEVEL !== 'silent') console.error('webhook delivery', err); });
  };
  onOutboxWrite(deps.db, tick);
  setInterval(tick, intervalMs).unref();
  tick();
}
