// Drives cases through the real engine with the example data the engine itself offers.
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index';
import { userFromRow, type CurrentUser } from '../../src/domain/auth/current-user';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { eventsFor } from '../../src/domain/cases/case-view';
import { createCase } from '../../src/domain/cases/create-case';
import { getCaseRow, type CaseRow } from '../../src/domain/cases/load-case';
import type { Deps } from '../../src/domain/deps';
import { declareInterest, expertAccess } from '../../src/domain/workbench/expert-review';
import { workflowFor } from '../../workflows/index';

export function userByEmail(deps: Deps, email: string): CurrentUser {
  const row = deps.db.select().from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`no user ${email}`);
  return userFromRow(row);
}

/** Document rows for every kind the programme asks for (no files: the engine only needs the kinds). */
export function attachAllDocuments(deps: Deps, caseId: number, programme: string, uploadedBy: number): void {
  const w = workflowFor(programme)!;
  const insert = deps.db.$client.prepare(
    `insert into documents (case_id, kind, filename, stored_name, mime, size, sha256, uploaded_by, uploaded_at)
     values (?, ?, ?, ?, 'application/pdf', 1024, ?, ?, ?)`);
  for (const d of w.documents) {
    insert.run(caseId, d.kind, `${d.kind}.pdf`, `test-${caseId}-${d.kind}-${Math.random()}`, 'a'.repeat(64), uploadedBy, deps.clock.now().toISOString());
  }
}

/** A new case of an applicant with all documents attached, still a draft. */
export function draftCase(deps: Deps, email: string, programme: string, form?: Record<string, unknown>): CaseRow {
  const user = userByEmail(deps, email);
  const row = createCase(deps, user, { programme, form: form ?? workflowFor(programme)!.formExample });
  attachAllDocuments(deps, row.id, programme, user.id);
  return row;
}

/** Sends an event as a user with the example data the engine lists for it (or given data). */
export function send(deps: Deps, email: string, caseId: number, type: string, data?: Record<string, unknown>, comment?: string): CaseRow {
  const user = userByEmail(deps, email);
  const row = getCaseRow(deps, caseId)!;
  // An expert declares no conflict of interest before acting on a case.
  if (user.role === 'expert' && expertAccess(deps, user, row) === 'must-declare') declareInterest(deps, user, caseId, { conflict: false });
  const { allowed, blocked } = eventsFor(deps, user, row);
  const ev = allowed.find((e) => e.type === type);
  if (!ev && data === undefined) {
    const why = blocked.find((b) => b.type === type)?.reasonEn ?? `not allowed in ${row.state}; allowed: ${allowed.map((a) => a.type).join(', ')}`;
    throw new Error(`${email} cannot send ${type}: ${why}`);
  }
  return applyEvent(deps, user, { caseId, type, data: data ?? ev!.example, comment, expectedVersion: row.version }).row;
}
