import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { leaseKeeper } from '../setup/lease';
import { applyEvent } from './apply-event';
import { restoreSnapshot, workflowOf } from './load-case';

/**
 * One sweep: every case whose timed event is due (公示 ended, repayment overdue) gets it,
 * through the same engine as a person's event, audited with actor `system`.
 */
export function runScheduler(deps: Deps, max = Number.MAX_SAFE_INTEGER, afterId = 0): { sent: number; failed: number; lastId: number | null } {
  const now = deps.clock.now();
  const due = deps.db.select().from(cases)
    .where(and(isNotNull(cases.dueAt), lte(cases.dueAt, now.toISOString()), eq(cases.isFinal, false), gt(cases.id, afterId)))
    .orderBy(cases.id).limit(max).all();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    try {
      const w = workflowOf(row);
      const ev = w.dueEvent(restoreSnapshot(w, row), now.toISOString());
      if (!ev) continue;
      applyEvent(deps, null, { caseId: row.id, type: ev.type, data: ev.data, expectedVersion: row.version });
      sent++;
    } catch (err) {
      // A conflict means a person acted first; the next sweep looks again. Other errors stay on that case.
      if (!(err instanceof AppError && err.code === 'VERSION_CONFLICT')) failed++;
    }
  }
  return { sent, failed, lastId: due.length === max ? due[due.length - 1]!.id : null };
}

/** Cases stepped per turn of the event loop: a sweep over many due cases must not stall requests. */
const SWEEP_CHUNK = 50;

/** Sweeps run on one app server at a time: the one holding this lease (src/domain/setup/lease.ts). */
const SCHEDULER_LEASE = 'scheduler';

export function startScheduler(deps: Deps): NodeJS.Timeout {
  let running = false;
  const intervalMs = deps.config.SCHEDULER_INTERVAL_SECONDS * 1000;
  // Long enough that the holder renews it at every tick; another server takes over this long after it dies.
  const lease = leaseKeeper(deps, SCHEDULER_LEASE, Math.max(30_000, 3 * intervalMs));
  const sweep = async () => {
    if (running) return; // a long sweep is not overlapped by the next tick
    running = true;
    try {
      // In id order, so a case that keeps failing is passed over rather than retried all sweep.
      // The lease is checked (and renewed when half gone) before every chunk: a server that lost it stops.
      for (let after: number | null = 0; after !== null && lease.held();) {
        after = runScheduler(deps, SWEEP_CHUNK, after).lastId;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return timer;
}
