import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { cases, decisions, enterprises, institutions, programmes, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import type { DecisionLetterRecord } from '../../pdf/decision-letter';
import { inlineRenderer } from '../../pdf/render-service';
import { appendAudit } from '../audit/append-audit';
import type { Deps } from '../deps';

const MAX_ATTEMPTS = 20;

/** The letter's content, loaded from the decision record and what it refers to. */
export function decisionLetterRecord(deps: Deps, id: number): DecisionLetterRecord | null {
  const signer = alias(users, 'signer');
  const preparer = alias(users, 'preparer');
  const r = deps.db.select({ d: decisions, c: cases, e: enterprises, p: programmes, i: institutions, signedBy: signer.name, preparedBy: preparer.name })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(programmes, eq(programmes.code, cases.programmeCode))
    .innerJoin(institutions, eq(institutions.code, decisions.institutionCode))
    .leftJoin(signer, eq(signer.id, decisions.issuedBy))
    .leftJoin(preparer, eq(preparer.id, decisions.preparedBy))
    .where(eq(decisions.id, id)).get();
  if (!r) return null;
  const replaced = r.d.replacesId ? deps.db.select({ number: decisions.number }).from(decisions).where(eq(decisions.id, r.d.replacesId)).get() : null;
  return {
    number: r.d.number,
    // The body that issued it for the case's location, as it stood then (older rows: the institution).
    institution: { code: r.i.code, nameZh: r.d.issuerZh ?? r.i.nameZh, nameEn: r.d.issuerEn ?? r.i.nameEn },
    institutionKind: r.i.kind,
    preparedBy: r.preparedBy ?? null,
    signedBy: r.signedBy ?? null,
    remedies: r.d.remedies ? JSON.parse(r.d.remedies) : null,
    applicant: { name: r.e.name, creditCode: r.e.creditCode },
    programme: { code: r.p.code, nameZh: r.p.nameZh, nameEn: r.p.nameEn },
    caseReference: r.c.reference,
    outcome: r.d.outcome, titleZh: r.d.titleZh, titleEn: r.d.titleEn,
    amount: r.d.amount, conditions: r.d.conditions, reasons: r.d.reasons, section: r.d.section,
    issuedAt: r.d.issuedAt, signerRole: r.d.signerRole, verificationCode: r.d.verificationCode,
    verificationUrl: `${deps.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${r.d.verificationCode}`,
    replaces: replaced ? { number: replaced.number } : null,
  };
}

/**
 * Renders the letter of a committed decision and stores it with its SHA-256, which also goes
 * into the audit chain. Rendering is deterministic, so a retry gives the same bytes.
 */
export async function renderDecision(deps: Deps, id: number): Promise<string | null> {
  const rec = decisionLetterRecord(deps, id);
  if (!rec) return null;
  let pdf: Buffer;
  try {
    pdf = await (deps.pdf ?? inlineRenderer).decisionLetter(rec);
  } catch (err) {
    deps.db.update(decisions).set({ renderAttempts: (deps.db.select({ n: decisions.renderAttempts }).from(decisions).where(eq(decisions.id, id)).get()?.n ?? 0) + 1 })
      .where(eq(decisions.id, id)).run();
    throw err;
  }
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  writeTx(deps.db, (tx) => {
    const n = tx.update(decisions).set({ pdf, pdfSha256: sha256 }).where(and(eq(decisions.id, id), isNull(decisions.pdfSha256))).run().changes;
    if (n === 1) {
      const d = tx.select({ caseId: decisions.caseId, number: decisions.number }).from(decisions).where(eq(decisions.id, id)).get()!;
      appendAudit(tx, {
        at: deps.clock.now().toISOString(), kind: 'decision', caseId: d.caseId, actorName: 'system', actorRole: 'system',
        type: 'decision.rendered', data: { decisionId: id, number: d.number, sha256 },
      });
    }
  });
  return sha256;
}

/** After commit: render in the background; a failure is left for the sweep to retry. */
export function renderDecisionSoon(deps: Deps, id: number): void {
  setImmediate(() => {
    renderDecision(deps, id).catch((err) => {
      if (deps.config.LOG_LEVEL !== 'silent') console.error(`decision ${id}: render failed, will retry`, err);
    });
  });
}

/** Renders every decision still without a PDF (after a crash or a failed render). */
export async function renderPendingDecisions(deps: Deps): Promise<number> {
  const pending = deps.db.select({ id: decisions.id }).from(decisions)
    .where(and(isNull(decisions.pdfSha256), lt(decisions.renderAttempts, MAX_ATTEMPTS))).all();
  let done = 0;
  for (const p of pending) {
    try {
      if (await renderDecision(deps, p.id)) done++;
    } catch { /* counted in renderAttempts; retried on the next sweep */ }
  }
  return done;
}
