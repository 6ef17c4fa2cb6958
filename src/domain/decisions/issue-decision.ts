import { randomBytes } from 'node:crypto';
import { decisions } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { Actor, DecisionSpec, InstitutionCode } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import { nextCounter } from '../cases/counters';

// Crockford-style alphabet: no 0/O or 1/I/L confusion when a code is typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters from a 31-letter alphabet ≈ 79 bits: not guessable, easy to read aloud. */
export function newVerificationCode(): string {
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
}): number {
  const year = d.now.getUTCFullYear();
  const number = `${d.institution}-${year}-${String(nextCounter(tx, `decision:${d.institution}:${year}`)).padStart(5, '0')}`;
  const at = d.now.toISOString();
  const row = tx.insert(decisions).values({
    caseId: d.row.id, number, institutionCode: d.institution, outcome: d.spec.outcome,
    titleZh: d.spec.title.zh, titleEn: d.spec.title.en, amount: d.spec.amount, conditions: d.spec.conditions,
    reasons: d.spec.reasons, section: d.spec.section, issuedBy: d.actor.id, signerRole: d.actor.role,
    issuedAt: at, verificationCode: newVerificationCode(), replacesId: d.replacesId ?? null,
  }).returning({ id: decisions.id }).get();
  appendAudit(tx, {
    at, kind: 'decision', caseId: d.row.id, actorId: d.actor.id || null, actorName: d.actor.name, actorRole: d.actor.role,
    type: 'decision.issued', data: { decisionId: row.id, number, outcome: d.spec.outcome, amount: d.spec.amount, replacesId: d.replacesId ?? null },
  });
  return row.id;
}
