import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { decisionCorrections, decisions, users } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import { visibleCase } from '../cases/load-case';
import type { Deps } from '../deps';
import { decisionPdfUrl } from './decision-access';
import { storedDecisionPdf } from './decision-pdf';

export interface DecisionItem {
  id: number; number: string; outcome: string; titleZh: string; titleEn: string; amount: number | null;
  conditions?: string | null; reasons?: string | null; issuedAt: string; sha256: string; verificationCode: string; pdfUrl: string;
  replacesId: number | null; replacedById: number | null;
  /** Four eyes: who prepared and who signed (API.md); preparedBy is null only on rows recorded before it was kept. */
  preparedBy: Person | null; signedBy: Person | null;
  /** A correction waiting for its second signature: no decision exists for it yet. */
  pendingCorrection: { id: number; proposedBy: Person | null; proposedAt: string; amount: number | null; reasons: string } | null;
  issuer: string | null;
}

interface Person { id: number; name: string }

/**
 * The decisions of a case, oldest first, for a user who may see the case (404 otherwise).
 * Letters not yet rendered are rendered here, so that every item carries its SHA-256.
 */
export async function listCaseDecisions(deps: Deps, user: CurrentUser, caseId: number): Promise<DecisionItem[]> {
  visibleCase(deps, user, caseId);
  return caseDecisions(deps, caseId);
}

export interface DecisionLink {
  id: number; number: string; titleZh: string; titleEn: string; issuedAt: string; verificationCode: string; pdfUrl: string;
  /** What was decided, in words on the page and not only inside the PDF. */
  amount?: number | null; conditions?: string | null; reasons?: string | null;
}

/**
 * The decisions of a case as links for a page (oldest first), without rendering any letter:
 * the PDF route renders on demand. The caller has checked that the user may see the case.
 */
export function caseDecisionLinks(deps: Deps, caseId: number): DecisionLink[] {
  return deps.db.select({
    id: decisions.id, number: decisions.number, titleZh: decisions.titleZh, titleEn: decisions.titleEn,
    issuedAt: decisions.issuedAt, verificationCode: decisions.verificationCode,
    amount: decisions.amount, conditions: decisions.conditions, reasons: decisions.reasons,
  }).from(decisions).where(eq(decisions.caseId, caseId)).orderBy(asc(decisions.id)).all()
    .map((r) => ({ ...r, pdfUrl: decisionPdfUrl(r.id) }));
}

/** Without the visibility check: for callers that have made it already (case file, ZIP). */
export async function caseDecisions(deps: Deps, caseId: number): Promise<DecisionItem[]> {
  const preparer = alias(users, 'preparer');
  const signer = alias(users, 'signer');
  const rows = deps.db.select({
    id: decisions.id, number: decisions.number, outcome: decisions.outcome, titleZh: decisions.titleZh, titleEn: decisions.titleEn,
    amount: decisions.amount, conditions: decisions.conditions, reasons: decisions.reasons, issuedAt: decisions.issuedAt, sha256: decisions.pdfSha256,
    verificationCode: decisions.verificationCode, replacesId: decisions.replacesId, issuer: decisions.issuerZh,
    preparedById: preparer.id, preparedByName: preparer.name, signedById: signer.id, signedByName: signer.name,
  }).from(decisions)
    .leftJoin(preparer, eq(preparer.id, decisions.preparedBy))
    .leftJoin(signer, eq(signer.id, decisions.issuedBy))
    .where(eq(decisions.caseId, caseId)).orderBy(asc(decisions.id)).all();
  const proposer = alias(users, 'proposer');
  const pending = deps.db.select({ c: decisionCorrections, name: proposer.name }).from(decisionCorrections)
    .leftJoin(proposer, eq(proposer.id, decisionCorrections.proposedBy))
    .where(eq(decisionCorrections.caseId, caseId)).all().filter((p) => p.c.status === 'proposed');
  const person = (id: number | null, name: string | null): Person | null => (id === null ? null : { id, name: name ?? '' });
  const items: DecisionItem[] = [];
  for (const r of rows) {
    const { preparedById, preparedByName, signedById, signedByName, ...rest } = r;
    const sha256 = r.sha256 ?? (await storedDecisionPdf(deps, r.id)).sha256;
    const replacedBy = rows.find((x) => x.replacesId === r.id);
    const p = pending.find((x) => x.c.decisionId === r.id);
    items.push({
      ...rest, sha256, pdfUrl: decisionPdfUrl(r.id), replacedById: replacedBy?.id ?? null,
      preparedBy: person(preparedById, preparedByName), signedBy: person(signedById, signedByName),
      pendingCorrection: p ? { id: p.c.id, proposedBy: person(p.c.proposedBy, p.name), proposedAt: p.c.proposedAt, amount: p.c.amount, reasons: p.c.reasons } : null,
    });
  }
  return items;
}
