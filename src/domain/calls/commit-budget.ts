// 申报指南: the approvals of a call's cases never add up to more than its budget. The check and the
// sum move together in the approval's own write transaction, so two approvals at once cannot both
// pass on the same budget left.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calls } from '../../db/schema/index';
import { groupDigits } from '../../../workflows/display-format';
import { refusalError } from '../errors';
import { callLabel, getCall } from './calls';

/** The approved amount of a case as its programme's figures say (0 before any approval). */
export const approvedOf = (figures: { approved?: number | null } | null | undefined) => Number(figures?.approved ?? 0);

function overBudget(db: Db, callId: number, field: string) {
  const c = getCall(db, callId)!;
  const left = c.budget - c.committed;
  return refusalError({
    zh: `超出${callLabel(c).zh}的预算：预算余额为 ${groupDigits(left)} 元`,
    en: `This exceeds the budget of ${callLabel(c).en}: ${groupDigits(left)} yuan of the budget is left`,
    field,
  });
}

/** Before the write: refuses an approval that would not fit what is left now (the pages ask early). */
export function checkBudget(db: Db, callId: number | null, delta: number, field = 'amount'): void {
  if (!callId || delta <= 0) return;
  const c = getCall(db, callId);
  if (c && c.committed + delta > c.budget) throw overBudget(db, callId, field);
}

/**
 * In the write transaction: moves the call's committed sum by `delta`, and refuses (rolling the
 * step back) when a rise would pass the budget. The WHERE makes check and update one statement.
 */
export function commitToBudget(tx: Db, callId: number | null, delta: number, field = 'amount'): void {
  if (!callId || delta === 0) return;
  const moved = tx.update(calls).set({ committed: sql`${calls.committed} + ${delta}` })
    .where(and(eq(calls.id, callId), delta > 0 ? sql`${calls.committed} + ${delta} <= ${calls.budget}` : sql`1 = 1`)).run().changes;
  if (moved !== 1) throw overBudget(tx, callId, field);
}
