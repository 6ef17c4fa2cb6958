import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { applyEvent } from './apply-event';
import { restoreSnapshot, workflowOf } from './load-case';

/**
 * One sweep: every case whose timed event is due (公示 ended, repayment overdue) gets it,
 * through the same engine as a person's event, audited with actor `system`.
 */
export function runScheduler(deps: Deps): { sent: number; failed: number } {
  const now = deps.clock.now();
  const due = deps.db.select().from(cases)
    .where(and(isNotNull(cases.dueAt), lte(cases.dueAt, now.toISOString()), eq(cases.isFinal, false))).all();
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
  return { sent, failed };
}

export function startScheduler(deps: Deps): NodeJS.Timeout {
  const timer = setInterval(() => runScheduler(deps), deps.config.SCHEDULER_INTERVAL_SECONDS * 1000);
  timer.unref();
  return timer;
}
