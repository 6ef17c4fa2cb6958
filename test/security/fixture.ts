// Records the security suite walks against, built by driving the real engine, and the actors
// (anonymous, every role, and a second user of another enterprise or institution).
import { eq } from 'drizzle-orm';
import { decisions, notifications, users, webhookDeliveries } from '../../src/db/schema/index';
import { registerEndpoint } from '../../src/domain/webhooks/manage-endpoints';
import type { CurrentUser } from '../../src/domain/auth/current-user';
import type { CaseAccessFacts } from '../../src/domain/policy';
import { createCase } from '../../src/domain/cases/create-case';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { proposeCorrection } from '../../src/domain/decisions/propose-correction';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { uploadDocument } from '../../src/domain/documents/upload-document';
import { inviteColleague } from '../../src/domain/users/invite-colleague';
import { createStaffUser } from '../../src/domain/users/manage-users';
import { workflowFor } from '../../workflows/index';
import { send, userByEmail } from '../engine/drive';
import { apiToken, login, makeTestApp, type Session, type TestApp } from '../helpers/index';

export const PDF_BYTES = (text = 'hello') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** A case as the walk sees it: its id, the facts policy.ts decides on, and one stored document. */
export interface CaseRecord { id: number; label: string; facts: CaseAccessFacts; docId: number }

export interface Records {
  /** ent1's EXIM case, submitted and declined: it has a decision letter. */
  exim: CaseRecord;
  /** ent2's CDB case, submitted (visible to CDB and the commerce department). */
  cdb: CaseRecord;
  /** ent1's special-fund draft: visible to ent1 only. */
  draft: CaseRecord;
  decisionId: number;
  /** A correction of that decision proposed by the EXIM liaison, waiting for a second signature. */
  correctionId: number;
  verificationCode: string;
  inviteToken: string;
  /** A user the admin routes may disable and reset without cutting off an actor of the walk. */
  spareUserId: number;
  notificationId: number;
  /** EXIM's webhook endpoint and one of its deliveries (ent1-exim's submission). */
  webhookId: number;
  webhookDeliveryId: string;
}

/** Everyone the walk sends requests as; `user` null is the anonymous visitor. */
export const ACTOR_EMAILS = [
  'ent1@demo.local', 'ent2@demo.local', 'officer@demo.local', 'expert1@demo.local', 'approver@demo.local',
  'cdb@demo.local', 'exim@demo.local', 'sinosure@demo.local', 'auditor@demo.local', 'admin@demo.local',
] as const;

export interface Actor { name: string; user: CurrentUser | null; session: Session | null; token: string | null }

function facts(deps: TestApp['deps'], id: number): CaseAccessFacts {
  const row = getCaseRow(deps, id)!;
  return { programmeCode: row.programmeCode, enterpriseId: row.enterpriseId, submittedAt: row.submittedAt };
}

/** A case with every required document uploaded as a real stored file (so downloads answer 200). */
function caseWithDocuments(deps: TestApp['deps'], email: string, programme: string): { id: number; docId: number } {
  const user = userByEmail(deps, email);
  const w = workflowFor(programme)!;
  const row = createCase(deps, user, { programme, form: w.formExample });
  let docId = 0;
  for (const d of w.documents.filter((k) => k.required)) {
    docId = uploadDocument(deps, user, row.id, { kind: d.kind, filename: `${d.kind}.pdf`, bytes: PDF_BYTES(d.kind) }).id;
  }
  return { id: row.id, docId };
}

export async function buildRecords(t: TestApp): Promise<Records> {
  const { deps } = t;
  const hook = registerEndpoint(deps, userByEmail(deps, 'exim@demo.local'), { url: 'https://hooks.exim.example.com/chengjie', events: ['case.moved'] });
  const exim = caseWithDocuments(deps, 'ent1@demo.local', 'exim-order-finance');
  send(deps, 'ent1@demo.local', exim.id, 'applicant.submit');
  send(deps, 'exim@demo.local', exim.id, 'liaison.decline', { reason: '订单真实性无法核实' });
  await renderPendingDecisions(deps);
  const decision = deps.db.select().from(decisions).where(eq(decisions.caseId, exim.id)).get()!;
  const correction = proposeCorrection(deps, userByEmail(deps, 'exim@demo.local'), decision.id, { reasons: '理由表述更正 / Wording of the reasons' });

  const cdb = caseWithDocuments(deps, 'ent2@demo.local', 'cdb-infra-loan');
  send(deps, 'ent2@demo.local', cdb.id, 'applicant.submit');
  const draft = caseWithDocuments(deps, 'ent1@demo.local', 'special-fund');

  const ent1 = userByEmail(deps, 'ent1@demo.local');
  const invite = inviteColleague(deps, ent1, { name: '同事', email: 'colleague@demo.local' });
  const admin = userByEmail(deps, 'admin@demo.local');
  const spare = await createStaffUser(deps, admin, { email: 'spare@demo.local', name: 'Spare', role: 'officer', password: 'spare-pass-2026' });
  const note = deps.db.select().from(notifications).where(eq(notifications.userId, ent1.id)).get()!;

  const record = (c: { id: number; docId: number }, label: string): CaseRecord => ({ ...c, label, facts: facts(deps, c.id) });
  return {
    exim: record(exim, 'ent1-exim'), cdb: record(cdb, 'ent2-cdb'), draft: record(draft, 'ent1-draft'),
    decisionId: decision.id, correctionId: correction.id, verificationCode: decision.verificationCode!, inviteToken: invite.path.split('/').pop()!,
    spareUserId: spare.id, notificationId: note.id,
    webhookId: hook.id, webhookDeliveryId: deps.db.select().from(webhookDeliveries).get()!.deliveryId,
  };
}

/** The anonymous visitor and one signed-in session plus one API token per demo account. */
export async function buildActors(t: TestApp): Promise<Actor[]> {
  const actors: Actor[] = [{ name: 'anonymous', user: null, session: null, token: null }];
  for (const email of ACTOR_EMAILS) {
    actors.push({ name: email.split('@')[0]!, user: userByEmail(t.deps, email), session: await login(t.app, email), token: await apiToken(t.app, email) });
  }
  return actors;
}

export async function securityApp() {
  const t = await makeTestApp();
  const records = await buildRecords(t);
  const actors = await buildActors(t);
  return { t, records, actors };
}

export const userIdOf = (t: TestApp, email: string) => t.deps.db.select().from(users).where(eq(users.email, email)).get()!.id;
