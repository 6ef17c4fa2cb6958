import { eq } from 'drizzle-orm';
import { cases, decisions, institutions } from '../../db/schema/index';
import type { Deps } from '../deps';
import { storedDecisionPdf } from './decision-pdf';

export interface VerifiedDecision {
  number: string; outcome: string; titleZh: string; titleEn: string; applicant: string; creditCode: string; amount: number | null;
  issuedAt: string; sha256: string; institutionZh: string; institutionEn: string; caseReference: string;
  replacesNumber: string | null; replacedByNumber: string | null;
}

// Codes are printed in groups of four; accept them typed in lower case or without dashes.
export function normaliseCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z0-9]{16}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

/**
 * What the public may learn from a verification code: enough to compare a paper or PDF
 * against the record (number, applicant, amount, issuer, date, SHA-256), nothing of the case beyond that:
 * a bank can check a letter it is shown without hashing the file.
 * null when no decision has this code: the page then says plainly that it is not genuine.
 */
export async function verifyDecision(deps: Deps, rawCode: string): Promise<VerifiedDecision | null> {
  const code = normaliseCode(rawCode);
  if (!code) return null;
  const r = deps.db.select({ d: decisions, c: cases, i: institutions }).from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(institutions, eq(institutions.code, decisions.institutionCode))
    .where(eq(decisions.verificationCode, code)).get();
  if (!r) return null;
  const numberOf = (where: ReturnType<typeof eq>) => deps.db.select({ n: decisions.number }).from(decisions).where(where).get()?.n ?? null;
  return {
    number: r.d.number, outcome: r.d.outcome, titleZh: r.d.titleZh, titleEn: r.d.titleEn,
    applicant: r.c.enterpriseName, creditCode: r.c.creditCode, amount: r.d.amount, issuedAt: r.d.issuedAt,
    sha256: r.d.pdfSha256 ?? (await storedDecisionPdf(deps, r.d.id)).sha256,
    institutionZh: r.i.nameZh, institutionEn: r.i.nameEn, caseReference: r.c.reference,
    replacesNumber: r.d.replacesId ? numberOf(eq(decisions.id, r.d.replacesId)) : null,
    // A corrected decision is still genuine, but whoever holds it must learn it was replaced.
    replacedByNumber: numberOf(eq(decisions.replacesId, r.d.id)),
  };
}
