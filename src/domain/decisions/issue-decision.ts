import { randomBytes } from 'node:crypto';
import { decisions } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { Actor, DecisionSpec, InstitutionCode } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import { nextCounter } from '../cases/counters';
import { casePlace, issuerFor, type Remedies } from './issuing-authority';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';

// Crockford-style alphabet: no 0/O or 1/I/L confusion when a code is typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters from a 31-letter alphabet ≈ 79 bits: not guessable, easy to read aloud. */
function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

/**
 * Writes the decision record in the transaction of the state change that takes it. The PDF is
 * rendered from this record after commit (render-decision.ts).
 */
export function issueDecision(tx: Db, d: {
  row: { id: number; reference: string };
  spec: DecisionSpec;
  actor: Actor;
  now: Date;
  institution: InstitutionCode;
  replacesId?: number | null;
  /** A correction keeps the issuer and remedies of the decision it replaces. */
  issuer?: { nameZh: string | null; nameEn: string | null; remedies: string | null };
  /** Who prepared it when the workflow's spec does not say (a correction's proposer, the case's preparer). */
  preparedBy?: number | null;
}): number {
  const year = d.now.getUTCFullYear();
  const number = `${d.institution}-${year}-${String(nextCounter(tx, `decision:${d.institution}:${year}`)).padStart(5, '0')}`;
  const at = d.now.toISOString();
  const issuer = d.issuer ?? issuerColumns(tx, d);
  const preparedBy = d.spec.preparedBy ?? d.preparedBy ?? null;
  const row = tx.insert(decisions).values({
    caseId: d.row.id, number, institutionCode: d.institution, outcome: d.spec.outcome,
    titleZh: d.spec.title.zh, titleEn: d.spec.title.en, amount: d.spec.amount, conditions: d.spec.conditions,
    reasons: d.spec.reasons, section: d.spec.section, issuedBy: d.actor.id, signerRole: d.actor.role,
    issuedAt: at, verificationCode: newVerificationCode(), replacesId: d.replacesId ?? null,
    preparedBy, issuerZh: issuer.nameZh, issuerEn: issuer.nameEn, remedies: issuer.remedies,
  }).returning({ id: decisions.id }).get();
  appendAudit(tx, {
    at, kind: 'decision', caseId: d.row.id, actorId: d.actor.id || null, actorName: d.actor.name, actorRole: d.actor.role,
    type: 'decision.issued', data: {
      decisionId: row.id, number, outcome: d.spec.outcome, amount: d.spec.amount, replacesId: d.replacesId ?? null,
      preparedBy, signedBy: d.actor.id, issuer: issuer.nameZh,
    },
  });
  enqueueWebhooks(tx, { type: 'decision.issued', caseId: d.row.id, at, data: {
    decisionId: row.id, number, outcome: d.spec.outcome, amount: d.spec.amount, replacesId: d.replacesId ?? null, pdfUrl: `/decisions/${row.id}.pdf`,
  } });
  return row.id;
}

/** The body that issues the letter for the case's location, and, for an adverse decision of a
 *  government body, the remedy bodies the letter names. */
function issuerColumns(tx: Db, d: { row: { id: number }; institution: InstitutionCode; spec: DecisionSpec }) {
  const issuer = issuerFor(tx, d.institution, casePlace(tx, d.row.id));
  const remedies: Remedies | null = issuer.kind === 'government' && d.spec.adverse ? issuer.remedies : null;
  return { nameZh: issuer.nameZh, nameEn: issuer.nameEn, remedies: remedies ? JSON.stringify(remedies) : null };
}
