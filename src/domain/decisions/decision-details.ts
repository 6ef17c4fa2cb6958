import { eq } from 'drizzle-orm';
import { decisions, users } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { visibleDecision } from './decision-access';
import { mayProposeCorrection, pendingCorrection, signRefusal } from './correction-rules';

/** One decision for its page: facts, who prepared and signed it, correction chain, a pending correction and what this user may do with it. */
export function decisionDetails(deps: Deps, user: CurrentUser | null, id: number) {
  const { decision: d, caseRow } = visibleDecision(deps, user, id);
  const link = (row: { id: number; number: string } | undefined) => (row ? { id: row.id, number: row.number } : null);
  const replaces = d.replacesId
    ? link(deps.db.select({ id: decisions.id, number: decisions.number }).from(decisions).where(eq(decisions.id, d.replacesId)).get())
    : null;
  const replacedBy = link(deps.db.select({ id: decisions.id, number: decisions.number }).from(decisions).where(eq(decisions.replacesId, d.id)).get());
  const nameOf = (uid: number | null) => (uid ? deps.db.select({ name: users.name }).from(users).where(eq(users.id, uid)).get()?.name ?? null : null);
  const p = replacedBy ? undefined : pendingCorrection(deps.db, d.id);
  const u = user!;
  return {
    data: {
      id: d.id, number: d.number, outcome: d.outcome, titleZh: d.titleZh, titleEn: d.titleEn, amount: d.amount,
      conditions: d.conditions, reasons: d.reasons, issuedAt: d.issuedAt, sha256: d.pdfSha256,
      verificationCode: d.verificationCode, caseReference: caseRow.reference, replaces, replacedBy,
      preparedBy: nameOf(d.preparedBy), signedBy: nameOf(d.issuedBy),
      pending: p ? { id: p.id, proposedBy: nameOf(p.proposedBy) ?? '', proposedAt: p.proposedAt, amount: p.amount, conditions: p.conditions, reasons: p.reasons } : null,
    },
    // The same rules as the domain verbs, asked here only to decide which forms to show.
    canCorrect: !replacedBy && !p && mayProposeCorrection(u, d),
    canSign: !!p && signRefusal(u, d, p) === null,
    canWithdraw: !!p && (p.proposedBy === u.id || signRefusal(u, d, p) === null),
  };
}
