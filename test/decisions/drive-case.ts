// Cases driven through the real engine to a decision, as the demo users would.
import { eq } from 'drizzle-orm';
import { documents, users } from '../../src/db/schema/index';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { createCase } from '../../src/domain/cases/create-case';
import { userFromRow, type CurrentUser } from '../../src/domain/auth/current-user';
import type { Deps } from '../../src/domain/deps';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { decisions } from '../../src/db/schema/index';
import { workflowFor } from '../../workflows/index';

export function demoUser(deps: Deps, email: string): CurrentUser {
  const row = deps.db.select().from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`no demo user ${email}`);
  return userFromRow(row);
}

/** Required documents as rows (the engine's guards look only at the kinds present). */
function attachRequiredDocuments(deps: Deps, caseId: number, programme: string, uploader: CurrentUser) {
  for (const d of workflowFor(programme)!.documents.filter((k) => k.required)) {
    deps.db.insert(documents).values({
      caseId, kind: d.kind, filename: `${d.kind}.pdf`, storedName: `${caseId}-${d.kind}-${Math.random().toString(36).slice(2)}`,
      mime: 'application/pdf', size: 1234, sha256: 'ab'.repeat(32), uploadedBy: uploader.id, uploadedAt: deps.clock.now().toISOString(),
    }).run();
  }
}

/**
 * An EXIM order-financing case of `applicantEmail`, submitted and declined by the EXIM liaison:
 * the shortest path to a decision letter. Returns the case and decision ids.
 */
export async function declinedEximCase(deps: Deps, applicantEmail = 'ent1@demo.local', reason = '订单真实性无法核实 / The order could not be verified') {
  const applicant = demoUser(deps, applicantEmail);
  const w = workflowFor('exim-order-finance')!;
  const row = createCase(deps, applicant, { programme: w.code, form: w.formExample });
  attachRequiredDocuments(deps, row.id, w.code, applicant);
  applyEvent(deps, applicant, { caseId: row.id, type: 'applicant.submit', expectedVersion: 1 });
  applyEvent(deps, demoUser(deps, 'exim@demo.local'), { caseId: row.id, type: 'liaison.decline', expectedVersion: 2, data: { reason } });
  await renderPendingDecisions(deps);
  const decision = deps.db.select().from(decisions).where(eq(decisions.caseId, row.id)).get()!;
  return { caseId: row.id, reference: row.reference, decisionId: decision.id, decision };
}
