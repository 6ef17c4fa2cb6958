import { eq } from 'drizzle-orm';
import { decisions } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { visibleDecision } from './decision-access';

const STAFF_WHO_CORRECT = ['officer', 'approver', 'liaison'];

/** One decision for its page: facts, correction chain, and whether this user may correct it. */
export function decisionDetails(deps: Deps, user: CurrentUser | null, id: number) {
  const { decision: d, caseRow } = visibleDecision(deps, user, id);
  const link = (row: { id: number; number: string } | undefined) => (row ? { id: row.id, number: row.number } : null);
  const replaces = d.replacesId
    ? link(deps.db.select({ id: decisions.id, number: decisions.number }).from(decisions).where(eq(decisions.id, d.replacesId)).get())
    : null;
  const replacedBy = link(deps.db.select({ id: decisions.id, number: decisions.number }).from(decisions).where(eq(decisions.replacesId, d.id)).get());
  return {
    data: {
      id: d.id, number: d.number, outcome: d.outcome, titleZh: d.titleZh, titleEn: d.titleEn, amount: d.amount,
      conditions: d.conditions, reasons: d.reasons, issuedAt: d.issuedAt, sha256: d.pdfSha256,
      verificationCode: d.verificationCode, caseReference: caseRow.reference, replaces, replacedBy,
    },
    // The same rule as correctDecision, asked here only to decide whether to show the form.
    canCorrect: STAFF_WHO_CORRECT.includes(user!.role) && user!.institutionCode === d.institutionCode,
  };
}
