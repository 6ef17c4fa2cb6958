// Expert review on the workbench: who is on a case's panel, declarations of interest before an
// expert may see the case, and scores kept from other experts until every panellist has scored.
import { and, eq } from 'drizzle-orm';
import { expertConflicts, expertDeclarations, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import type { PanelScore } from '../../../workflows/types';
import { storedContext, visibleCase, workflowOf, type CaseRow } from '../cases/load-case';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { panelMembers, panelScores, requireRole } from '../policy';

export type Score = PanelScore;

/** The expert review of the case, as its programme declares it (none for programmes without one). */
export function reviewContext(row: CaseRow): { panel: number[]; scores: Score[] } {
  const p = workflowOf(row).panel;
  if (!p) return { panel: [], scores: [] };
  const ctx = storedContext(row) as Record<string, unknown>;
  return { panel: panelMembers(p, ctx), scores: panelScores(p, ctx) };
}

/** Every panellist has scored: from then on experts may see each other's scores. */
export function allScoresIn(row: CaseRow): boolean {
  const { panel, scores } = reviewContext(row);
  return panel.length > 0 && panel.every((id) => scores.some((s) => s.expertId === id));
}

/** Scores this user may see: all for other staff; for an expert their own until all are in. */
export function visibleScores(user: CurrentUser, row: CaseRow): Score[] {
  const { scores } = reviewContext(row);
  if (user.role !== 'expert' || allScoresIn(row)) return scores;
  return scores.filter((s) => s.expertId === user.id);
}

function declarationOf(deps: Deps, caseId: number, expertId: number) {
  return deps.db.select().from(expertDeclarations)
    .where(and(eq(expertDeclarations.caseId, caseId), eq(expertDeclarations.expertId, expertId))).get();
}

export function declarationsFor(deps: Deps, caseId: number) {
  return deps.db.select({ expertId: expertDeclarations.expertId, conflict: expertDeclarations.conflict, declaredAt: expertDeclarations.declaredAt, name: users.name })
    .from(expertDeclarations).innerJoin(users, eq(users.id, expertDeclarations.expertId))
    .where(eq(expertDeclarations.caseId, caseId)).all();
}

export type ExpertAccess = 'not-expert' | 'must-declare' | 'declared' | 'conflicted';

/**
 * An expert sees only the cases whose panel names them, and only after declaring no conflict.
 * Anyone else gets 'not-expert' (policy.ts has already decided they may see the case).
 */
export function expertAccess(deps: Deps, user: CurrentUser, row: CaseRow): ExpertAccess {
  if (user.role !== 'expert') return 'not-expert';
  const { panel, scores } = reviewContext(row);
  const d = declarationOf(deps, row.id, user.id);
  if (!panel.includes(user.id) && !scores.some((s) => s.expertId === user.id) && !d) {
    throw new AppError('NOT_FOUND', 'No such case.'); // not assigned: as if it did not exist
  }
  // A conflict declared for one case of the enterprise recuses the expert from all of its cases.
  if (d?.conflict || conflictedWithEnterprise(deps, user.id, row.enterpriseId)) return 'conflicted';
  return d ? 'declared' : 'must-declare';
}

function conflictedWithEnterprise(deps: Deps, expertId: number, enterpriseId: number): boolean {
  return deps.db.select({ id: expertConflicts.expertId }).from(expertConflicts)
    .where(and(eq(expertConflicts.expertId, expertId), eq(expertConflicts.enterpriseId, enterpriseId))).get() !== undefined;
}

const MUST_DECLARE = { zh: '请先声明利益冲突情况', en: 'Declare your interests before opening this case.' };
const RECUSED = { zh: '您已声明与该企业存在利益冲突，须回避其全部案件', en: 'You declared a conflict of interest with this enterprise and are recused from all of its cases.' };

/**
 * The one rule of independent review, for pages and API alike (API.md): an expert declares before
 * reading a case's documents or decisions or scoring, and a declared conflict recuses them from
 * every case of that enterprise. Null when the user may act; otherwise the reason, in both languages.
 */
export function expertMayAct(deps: Deps, user: CurrentUser, row: CaseRow): { zh: string; en: string } | null {
  if (user.role !== 'expert') return null;
  const a = expertAccess(deps, user, row);
  return a === 'must-declare' ? MUST_DECLARE : a === 'conflicted' ? RECUSED : null;
}

/**
 * API clients (bank and insurer systems, scripts) follow API.md, which has no declaration step:
 * there an expert on the panel reads the case unless they declared a conflict, which recuses
 * them (the workflow also refuses a conflicted expert's score). The pages ask first.
 */
export function requireNotRecused(deps: Deps, user: CurrentUser, row: CaseRow): void {
  if (expertAccess(deps, user, row) === 'conflicted') {
    throw new AppError('FORBIDDEN', '您已声明存在利益冲突，须回避本案 / You declared a conflict of interest and are recused from this case.');
  }
}

/** The case, for an expert only once they may read it (declared, no conflict). */
export function requireReadable(deps: Deps, user: CurrentUser, row: CaseRow): void {
  const why = expertMayAct(deps, user, row);
  if (why) throw new AppError('FORBIDDEN', `${why.zh} / ${why.en}`);
}

/**
 * An expert's declaration. A conflict is also recorded against the enterprise (expert_conflicts),
 * which the workflow's guards read: the expert can no longer score it, and the officer's next
 * assignment must replace them.
 */
export function declareInterest(deps: Deps, user: CurrentUser, caseId: number, input: { conflict: boolean; note?: string }) {
  requireRole(user, 'expert');
  const row = visibleCase(deps, user, caseId);
  if (expertAccess(deps, user, row) !== 'must-declare') throw new AppError('CONFLICT', '您已就本案作出声明 / You have already declared for this case.');
  const note = input.note?.trim().slice(0, 2000) || null;
  if (input.conflict && !note) throw new AppError('UNPROCESSABLE', '请说明利益关系 / Please describe the conflict.', { fields: { note: 'required' } });
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    tx.insert(expertDeclarations).values({ caseId: row.id, expertId: user.id, conflict: input.conflict, note, declaredAt: at }).run();
    if (input.conflict) {
      tx.insert(expertConflicts).values({ expertId: user.id, enterpriseId: row.enterpriseId, note, createdAt: at }).onConflictDoNothing().run();
    }
    appendAudit(tx, {
      at, kind: 'declaration', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: input.conflict ? 'expert.declared-conflict' : 'expert.declared-no-conflict', data: { note },
    });
  });
}

/** Experts the officer may put on the panel: active, and without a conflict with this enterprise. */
export function eligibleExperts(deps: Deps, row: CaseRow) {
  const conflicted = new Set(deps.db.select({ id: expertConflicts.expertId }).from(expertConflicts)
    .where(eq(expertConflicts.enterpriseId, row.enterpriseId)).all().map((r) => r.id));
  return deps.db.select({ id: users.id, name: users.name, disabledAt: users.disabledAt }).from(users).where(eq(users.role, 'expert')).all()
    .filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.name, conflicted: conflicted.has(u.id) }));
}
