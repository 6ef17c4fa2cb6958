import { eq } from 'drizzle-orm';
import { cases, decisions } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { canSeeCase } from '../policy';
import { expertMayAct } from '../workbench/expert-review';

export type DecisionRow = typeof decisions.$inferSelect;

/**
 * The decision if this user may see its case: the applicant's enterprise, staff of the
 * programme's institutions, auditors. Anyone else gets 404, as if it did not exist, so that
 * decision ids cannot be probed across enterprises.
 */
export function visibleDecision(deps: Deps, user: CurrentUser | null, id: number): { decision: DecisionRow; caseRow: typeof cases.$inferSelect } {
  if (!user) throw new AppError('UNAUTHENTICATED');
  const notFound = new AppError('NOT_FOUND', '没有这份决定书 / No such decision.');
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound;
  const r = deps.db.select({ d: decisions, c: cases }).from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId)).where(eq(decisions.id, id)).get();
  if (!r || !canSeeCase(user, r.c)) throw notFound;
  // An expert who has not declared, or is recused, does not see the case's decisions either.
  if (user.role === 'expert' && expertMayAct(deps, user, r.c)) throw notFound;
  return { decision: r.d, caseRow: r.c };
}

export const decisionPdfUrl = (id: number): string => `/decisions/${id}.pdf`;
