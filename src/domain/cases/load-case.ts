import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import type { AnyMachineSnapshot } from 'xstate';
import { cases } from '../../db/schema/index';
import { workflowFor } from '../../../workflows/index';
import type { Workflow } from '../../../workflows/types';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { canSeeCase } from '../policy';
import { derivedFromSnapshot, parsedSnapshot } from './parsed-snapshot';

export type CaseRow = typeof cases.$inferSelect;

export function getCaseRow(deps: Deps, id: number): CaseRow | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return preparedQuery(deps.db, 'case-by-id', (db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare()).get({ id });
}

/** The case if this user may see it; otherwise 404 (a record one may not see does not exist). */
export function visibleCase(deps: Deps, user: CurrentUser | null, id: number): CaseRow {
  if (!user) throw new AppError('UNAUTHENTICATED');
  const row = getCaseRow(deps, id);
  if (!row || !canSeeCase(user, row)) throw new AppError('NOT_FOUND', 'No such case.');
  return row;
}

export function workflowOf(row: CaseRow): Workflow {
  // A case keeps the workflow version it began with (earlier versions stay in the registry).
  const w = workflowFor(row.programmeCode, row.machineVersion) ?? workflowFor(row.programmeCode);
  if (!w) throw new AppError('CASE_UNREADABLE', `Case ${row.reference}: unknown programme ${row.programmeCode}.`);
  return w;
}

/**
 * The stored workflow context, parsed once per snapshot (src/domain/cases/parsed-snapshot.ts),
 * for reading only: pages read it in several places, and a long history makes it large.
 */
export function storedContext(row: CaseRow): Readonly<Record<string, unknown>> {
  return parsedSnapshot(row).context;
}

/**
 * Rebuilds the stored snapshot. A case saved by a machine version that no longer exists, or
 * whose state was renamed, is a handled error for that case only.
 */
export function restoreSnapshot(w: Workflow, row: CaseRow): AnyMachineSnapshot {
  const unreadable = () => new AppError('CASE_UNREADABLE',
    `案件 ${row.reference} 的流程版本（v${row.machineVersion}）无法恢复 / Case ${row.reference} was saved by workflow version ${row.machineVersion} and cannot be restored by version ${w.version}.`);
  if (row.machineVersion !== w.version) throw unreadable();
  try {
    // Shared between callers of the same snapshot: stepping and guards never mutate it.
    return derivedFromSnapshot(row, w, (stored) => w.machine.resolveState({ value: stored.value as any, context: stored.context }));
  } catch {
    throw unreadable();
  }
}
