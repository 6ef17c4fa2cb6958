import { eq } from 'drizzle-orm';
import { decisionCorrections } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { signRefusal, visibleCorrection } from './correction-rules';

/**
 * A proposal ends without a decision: withdrawn by its proposer, or declined by someone who
 * could have signed it. Either way the decision stands as it was and may be corrected anew.
 */
export function withdrawCorrection(deps: Deps, user: CurrentUser, correctionId: number): void {
  const { proposal, decision } = visibleCorrection(deps, user, correctionId);
  if (user.id !== proposal.proposedBy && signRefusal(user, decision, proposal)) {
    throw new AppError('FORBIDDEN', '只有提出人或有权签署的人员可以撤回此更正 / Only the proposer or someone who may sign it may withdraw this correction.');
  }
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    const p = tx.select().from(decisionCorrections).where(eq(decisionCorrections.id, correctionId)).get()!;
    if (p.status !== 'proposed') throw new AppError('CONFLICT', '此更正已签署或已撤回 / This correction has already been signed or withdrawn.');
    tx.update(decisionCorrections).set({ status: 'withdrawn', closedBy: user.id, closedAt: at }).where(eq(decisionCorrections.id, p.id)).run();
    appendAudit(tx, {
      at, kind: 'decision', caseId: p.caseId, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'decision.correction-withdrawn', data: { correctionId: p.id, decisionId: p.decisionId },
    });
  });
}
