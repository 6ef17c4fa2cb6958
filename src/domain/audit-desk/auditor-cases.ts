import { and, asc, isNull, sql } from 'drizzle-orm';
import { cases, decisions } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { requireRole } from '../policy';
import { listWorkbench } from '../workbench/list-workbench';
import { narrowWhere, parseWorkbenchFilter, scopeWhere, type WorkbenchFilter } from '../workbench/case-filter';
import { renderDecision } from '../decisions/render-decision';

/**
 * The auditor's case list: the workbench's own filter (same URL parameters, same WHERE clause),
 * always over every submitted case, never a queue — auditors act on nothing.
 */
export function auditorCaseFilter(user: CurrentUser | null, query: Record<string, string | undefined>): { user: CurrentUser; filter: WorkbenchFilter } {
  const auditor = requireRole(user, 'auditor');
  return { user: auditor, filter: { ...parseWorkbenchFilter(query), view: 'all' } };
}

export function auditorCases(deps: Deps, user: CurrentUser, filter: WorkbenchFilter) {
  return listWorkbench(deps, user, { ...filter, view: 'all' });
}

export interface DecisionFileInfo { id: number; number: string; caseReference: string; issuedAt: string; size: number }

const pendingIn = (deps: Deps, where: ReturnType<typeof and>) =>
  deps.db.select({ id: decisions.id }).from(decisions).innerJoin(cases, sql`${cases.id} = ${decisions.caseId}`)
    .where(and(where, isNull(decisions.pdfSha256))).all();

/**
 * Every decision of the cases the filter selects, oldest first, with the size of its stored
 * PDF. Letters not rendered yet are rendered first, so that sizes are known before a ZIP starts.
 */
export async function filteredDecisions(deps: Deps, user: CurrentUser, filter: WorkbenchFilter): Promise<DecisionFileInfo[]> {
  const scope = scopeWhere(user, 'all');
  if (scope === 'nothing') return [];
  const where = and(scope, ...narrowWhere({ ...filter, cursor: undefined }));
  for (const p of pendingIn(deps, where)) await renderDecision(deps, p.id);
  return deps.db.select({
    id: decisions.id, number: decisions.number, caseReference: cases.reference, issuedAt: decisions.issuedAt,
    size: sql<number>`length(${decisions.pdf})`,
  }).from(decisions).innerJoin(cases, sql`${cases.id} = ${decisions.caseId}`).where(where).orderBy(asc(decisions.id)).all()
    .filter((d) => d.size !== null);
}

/** How many decisions and bytes a filter selects (for the desk's announcement before download). */
export function countFilteredDecisions(deps: Deps, user: CurrentUser, filter: WorkbenchFilter): { count: number; bytes: number } {
  const scope = scopeWhere(user, 'all');
  if (scope === 'nothing') return { count: 0, bytes: 0 };
  const r = deps.db.select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(length(${decisions.pdf})), 0)` })
    .from(decisions).innerJoin(cases, sql`${cases.id} = ${decisions.caseId}`)
    .where(and(scope, ...narrowWhere({ ...filter, cursor: undefined }))).get();
  return { count: r?.count ?? 0, bytes: r?.bytes ?? 0 };
}

