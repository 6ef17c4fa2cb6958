import { decisionCorrections } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { getCaseRow } from '../cases/load-case';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { correctedSnapshot } from './corrected-figures';
import { visibleDecision } from './decision-access';
import { correctionInput, mayProposeCorrection, pendingCorrection, refuseIfReplaced, type CorrectionRow } from './correction-rules';

/**
 * 决定一经作出不再修改 (DOMAIN.md), and no one person issues a decision (API.md, four eyes):
 * a correction starts as a proposal by staff of the issuing institution; no new decision exists
 * until another authorised person signs it (sign-correction.ts). One proposal at a time per
 * decision, and only on the latest decision of a chain.
 */
export function proposeCorrection(deps: Deps, user: CurrentUser, decisionId: number, input: unknown): CorrectionRow {
  const { decision } = visibleDecision(deps, user, decisionId);
  if (!mayProposeCorrection(user, decision)) {
    throw new AppError('FORBIDDEN', '只有作出决定的机构的工作人员可以提出更正 / Only staff of the issuing institution may propose a correction of this decision.');
  }
  const parsed = correctionInput.safeParse(input);
  if (!parsed.success) throw validationError(correctionInput, parsed.error.issues, input);
  const { reasons, amount, conditions } = parsed.data;
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    // Checked inside the write lock: two simultaneous proposals cannot both be pending.
    refuseIfReplaced(tx, decisionId);
    if (pendingCorrection(tx, decisionId)) {
      throw new AppError('CONFLICT', '此决定已有一项待签署的更正 / A correction of this decision is already waiting for a signature.');
    }
    // Refuse now what the signature would refuse (an amount below what was already paid out).
    const caseRow = getCaseRow({ ...deps, db: tx }, decision.caseId)!;
    correctedSnapshot(caseRow.snapshot, decision.outcome, decision, amount, conditions);
    const row = tx.insert(decisionCorrections).values({
      decisionId, caseId: decision.caseId, reasons, amount: amount ?? null, conditions: conditions ?? null,
      proposedBy: user.id, proposedAt: at,
    }).returning().get();
    appendAudit(tx, {
      at, kind: 'decision', caseId: decision.caseId, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'decision.correction-proposed', data: { correctionId: row.id, decisionId, amount: amount ?? null },
    });
    return row;
  });
}
