import { and, eq } from 'drizzle-orm';
import { cases, decisionCorrections } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import type { InstitutionCode } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import { approvedOf, commitToBudget } from '../calls/commit-budget';
import { toActor, type CurrentUser } from '../auth/current-user';
import { figuresJson } from '../cases/case-figures';
import { getCaseRow, workflowOf } from '../cases/load-case';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { correctedSnapshot } from './corrected-figures';
import { refuseIfReplaced, signRefusal, visibleCorrection } from './correction-rules';
import { issueDecision } from './issue-decision';
import { renderDecisionSoon } from './render-decision';

/**
 * The second pair of eyes: another authorised person signs a proposed correction. In one
 * transaction the new decision (prepared by the proposer, signed by the signer, naming the one
 * it replaces) is issued and the case's figures become the corrected ones, so the workflow
 * pays out against the corrected amount from then on. A change of figures is a step of the
 * case: version + 1 and an entry in its history.
 */
export function signCorrection(deps: Deps, user: CurrentUser, correctionId: number): number {
  const { proposal, decision } = visibleCorrection(deps, user, correctionId);
  const refusal = signRefusal(user, decision, proposal);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  const now = deps.clock.now();
  const at = iso(now);
  const id = writeTx(deps.db, (tx) => {
    const p = tx.select().from(decisionCorrections).where(eq(decisionCorrections.id, correctionId)).get()!;
    if (p.status !== 'proposed') throw new AppError('CONFLICT', '此更正已签署或已撤回 / This correction has already been signed or withdrawn.');
    refuseIfReplaced(tx, decision.id);
    const row = getCaseRow({ ...deps, db: tx }, decision.caseId)!;
    const amount = p.amount ?? undefined;
    const conditions = p.conditions ?? undefined;
    const snapshot = correctedSnapshot(row.snapshot, decision.outcome, decision, amount, conditions);
    if (snapshot !== row.snapshot) {
      const version = row.version + 1;
      const w = workflowOf(row);
      const contextOf = (text: string) => (JSON.parse(text) as { context?: never }).context as never;
      // A corrected approval moves its call's budget like an approval does: never over-committed (申报指南).
      commitToBudget(tx, row.callId, approvedOf(w.figures(contextOf(snapshot))) - approvedOf(w.figures(contextOf(row.snapshot))), 'amount');
      // The statistics read the figures stored beside the snapshot: they follow the corrected amount.
      const figures = figuresJson(w, contextOf(snapshot));
      tx.update(cases).set({ snapshot, figures, version, updatedAt: at }).where(and(eq(cases.id, row.id), eq(cases.version, row.version))).run();
      appendAudit(tx, {
        at, kind: 'event', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
        type: 'decision.corrected', fromState: row.state, toState: row.state, version, comment: p.reasons,
        data: { decisionId: decision.id, correctionId: p.id, amount: p.amount, conditions: p.conditions },
      });
    }
    const newId = issueDecision(tx, {
      row: { id: row.id, reference: row.reference },
      spec: {
        outcome: decision.outcome, title: { zh: `${decision.titleZh}（更正）`, en: `${decision.titleEn} (correction)` },
        amount: amount ?? decision.amount,
        conditions: conditions === undefined ? decision.conditions : conditions || null,
        reasons: p.reasons, section: decision.section,
      },
      actor: toActor(user), now, institution: decision.institutionCode as InstitutionCode, replacesId: decision.id, preparedBy: p.proposedBy,
      issuer: { nameZh: decision.issuerZh, nameEn: decision.issuerEn, remedies: decision.remedies },
    });
    tx.update(decisionCorrections).set({ status: 'signed', closedBy: user.id, closedAt: at, resultId: newId }).where(eq(decisionCorrections.id, p.id)).run();
    return newId;
  });
  renderDecisionSoon(deps, id);
  return id;
}
