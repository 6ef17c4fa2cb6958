// Days in the current state and whether a case is past its deadline, for every list row.
import type { CaseRow } from '../cases/load-case';
import { stageOf } from './stages';

const DAY = 86_400_000;

/**
 * How long staff may leave a case in a stage that waits on them before it counts as overdue
 * (办理时限). Timed stages (公示, repayments) have their own deadline in due_at.
 */
export const STAFF_STAGE_DAYS = 20;

export interface CaseTiming { daysInState: number; deadline: string | null; overdue: boolean }

export function caseTiming(row: Pick<CaseRow, 'programmeCode' | 'state' | 'stateSince' | 'dueAt' | 'isFinal'>, now: Date): CaseTiming {
  const since = Date.parse(row.stateSince);
  const daysInState = Math.max(0, Math.floor((now.getTime() - since) / DAY));
  if (row.isFinal) return { daysInState, deadline: null, overdue: false };
  const waitsOnStaff = stageOf(row.programmeCode, row.state)?.waitingOn.some((r) => r !== 'applicant' && r !== 'system') ?? false;
  const deadline = row.dueAt ?? (waitsOnStaff ? new Date(since + STAFF_STAGE_DAYS * DAY).toISOString() : null);
  return { daysInState, deadline, overdue: deadline !== null && Date.parse(deadline) < now.getTime() };
}
