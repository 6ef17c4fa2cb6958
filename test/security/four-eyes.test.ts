// No single person causes a decision to be issued, by any route — corrections included — and a
// signed correction is what the workflow then pays out against.
import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { decisions } from '../../src/db/schema/index';
import { getCaseRow, storedContext } from '../../src/domain/cases/load-case';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { draftCase, send } from '../engine/drive';
import { apiRequest, apiToken, makeTestApp, type TestApp } from '../helpers/index';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const caseDecisions = (caseId: number) => t.deps.db.select().from(decisions).where(eq(decisions.caseId, caseId)).all();

/** A special-fund case approved by the approver after the officer prepared it. */
function approvedSpecialFund(): number {
  const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
  send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
  for (const [who, type] of [['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts'],
    ['expert1', 'expert.score'], ['expert2', 'expert.score'], ['officer', 'officer.recommend']] as const) send(t.deps, `${who}@demo.local`, c.id, type);
  t.clock.advance(30 * 86_400_000);
  runScheduler(t.deps);
  send(t.deps, 'approver@demo.local', c.id, 'approver.approve');
  return c.id;
}

/** A CDB case whose loan the committee approved: cdb prepared, cdb2 committed. */
function committedCdbLoan(amount: number): number {
  const c = draftCase(t.deps, 'ent2@demo.local', 'cdb-infra-loan');
  send(t.deps, 'ent2@demo.local', c.id, 'applicant.submit');
  send(t.deps, 'officer@demo.local', c.id, 'officer.recommend-locally');
  send(t.deps, 'cdb@demo.local', c.id, 'liaison.submit-to-committee');
  send(t.deps, 'cdb2@demo.local', c.id, 'liaison.committee-approve', { approvedAmount: amount, conditions: '' });
  return c.id;
}

it('every decision names a preparer and a signer who are different people (API shape of API.md)', async () => {
  const id = approvedSpecialFund();
  const token = await apiToken(t.app, 'ent1@demo.local');
  const list = (await (await apiRequest(t.app, 'GET', `/api/v1/cases/${id}/decisions`, undefined, token)).json()) as { preparedBy: { id: number; name: string }; signedBy: { id: number; name: string } }[];
  expect(list).toHaveLength(1);
  expect(list[0]!.preparedBy).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
  expect(list[0]!.signedBy.name).toBeTruthy();
  expect(list[0]!.preparedBy.id).not.toBe(list[0]!.signedBy.id);
});

it('the officer who prepared an approval cannot re-issue it at another amount alone: a proposal, signed by the approver, changes what is paid out', async () => {
  const id = approvedSpecialFund();
  const original = caseDecisions(id)[0]!;
  const approvedBefore = storedContext(getCaseRow(t.deps, id)!).approvedAmount as number;
  const ceilingBefore = storedContext(getCaseRow(t.deps, id)!).advanceCeiling as number;
  const officer = await apiToken(t.app, 'officer@demo.local');
  const lower = Math.floor(approvedBefore / 2);
  const proposed = await apiRequest(t.app, 'POST', `/api/v1/decisions/${original.id}/corrections`, { reasons: '核定金额有误，予以更正', amount: lower }, officer);
  expect(proposed.status).toBe(201);
  const p = (await proposed.json()) as { id: number; status: string; signUrl: string };
  expect(p.status).toBe('proposed');
  // No new decision exists, and the case is unchanged, until someone else signs.
  expect(caseDecisions(id)).toHaveLength(1);
  expect(storedContext(getCaseRow(t.deps, id)!).approvedAmount).toBe(approvedBefore);
  // The proposer cannot sign (and an officer does not sign approvals at all).
  const self = await apiRequest(t.app, 'POST', p.signUrl, undefined, officer);
  expect(self.status).toBe(403);
  const version = getCaseRow(t.deps, id)!.version;
  const approver = await apiToken(t.app, 'approver@demo.local');
  const signed = await apiRequest(t.app, 'POST', p.signUrl, undefined, approver);
  expect(signed.status).toBe(201);
  const newId = ((await signed.json()) as { id: number }).id;
  const corrected = caseDecisions(id).find((d) => d.id === newId)!;
  expect(corrected).toMatchObject({ amount: lower, replacesId: original.id });
  expect(corrected.preparedBy).not.toBe(corrected.issuedBy);
  // The case's figures changed in the same transaction: a step of the case (version + 1, history).
  const row = getCaseRow(t.deps, id)!;
  expect(row.version).toBe(version + 1);
  expect(storedContext(row).approvedAmount).toBe(lower);
  expect(row.figures).toContain(String(lower)); // the statistics' stored figures follow
  const view = (await (await apiRequest(t.app, 'GET', `/api/v1/cases/${id}`, undefined, officer)).json()) as { history: { type: string }[]; allowedEvents: { type: string; example: { amount: number } }[] };
  expect(view.history.at(-1)!.type).toBe('decision.corrected');
  // Tranches are paid against the corrected amount: what the old advance ceiling allowed no longer fits.
  const ceiling = storedContext(row).advanceCeiling as number;
  expect(ceiling).toBeLessThan(ceilingBefore);
  const finance = await apiToken(t.app, 'finance@demo.local');
  const old = await apiRequest(t.app, 'POST', `/api/v1/cases/${id}/events`, { type: 'finance.prepare-payment', version: row.version, data: { amount: ceilingBefore } }, finance);
  expect(old.status).toBe(422);
  const fits = await apiRequest(t.app, 'POST', `/api/v1/cases/${id}/events`, { type: 'finance.prepare-payment', version: row.version, data: { amount: ceiling } }, finance);
  expect(fits.status).toBe(200);
});

it('a CDB liaison cannot re-issue a colleague’s credit decision at ten times the amount; the second liaison signs a correction within the request', async () => {
  const id = committedCdbLoan(1_000_000);
  const decision = caseDecisions(id)[0]!;
  expect(decision.preparedBy).not.toBe(decision.issuedBy);
  const cdb = await apiToken(t.app, 'cdb@demo.local');
  const tenTimes = await apiRequest(t.app, 'POST', `/api/v1/decisions/${decision.id}/corrections`, { reasons: '贷审会金额更正', amount: 10_000_000_000 }, cdb);
  expect(tenTimes.status).toBe(422); // more than was applied for
  const p = (await (await apiRequest(t.app, 'POST', `/api/v1/decisions/${decision.id}/corrections`, { reasons: '贷审会金额更正', amount: 1_500_000 }, cdb)).json()) as { id: number; signUrl: string };
  expect((await apiRequest(t.app, 'POST', p.signUrl, undefined, cdb)).status).toBe(403);
  expect(caseDecisions(id)).toHaveLength(1);
  // A second proposal while one waits is a conflict, not a second pending decision.
  expect((await apiRequest(t.app, 'POST', `/api/v1/decisions/${decision.id}/corrections`, { reasons: '另一个更正理由' }, cdb)).status).toBe(409);
  // Another institution's staff do not see it at all.
  expect((await apiRequest(t.app, 'POST', p.signUrl, undefined, await apiToken(t.app, 'exim2@demo.local'))).status).toBe(404);
  const cdb2 = await apiToken(t.app, 'cdb2@demo.local');
  expect((await apiRequest(t.app, 'POST', p.signUrl, undefined, cdb2)).status).toBe(201);
  expect(storedContext(getCaseRow(t.deps, id)!).approvedAmount).toBe(1_500_000);
  // The contract is then signed against the corrected approval: above it is refused, up to it accepted.
  const view = (await (await apiRequest(t.app, 'GET', `/api/v1/cases/${id}`, undefined, cdb)).json()) as { allowedEvents: { type: string; example: Record<string, unknown> }[] };
  const example = view.allowedEvents.find((e) => e.type === 'liaison.sign-contract')!.example;
  expect(example.amount).toBe(1_500_000);
  expect((await apiRequest(t.app, 'POST', p.signUrl, undefined, cdb2)).status).toBe(409); // signed once only
});

it('a proposal can be withdrawn by its proposer; the decision then stands and no decision was issued', async () => {
  const id = committedCdbLoan(1_000_000);
  const decision = caseDecisions(id)[0]!;
  const cdb = await apiToken(t.app, 'cdb@demo.local');
  const p = (await (await apiRequest(t.app, 'POST', `/api/v1/decisions/${decision.id}/corrections`, { reasons: '条件表述更正', conditions: '资本金到位' }, cdb)).json()) as { id: number; signUrl: string };
  expect((await apiRequest(t.app, 'POST', `/api/v1/decisions/corrections/${p.id}/withdraw`, undefined, cdb)).status).toBe(200);
  expect((await apiRequest(t.app, 'POST', p.signUrl, undefined, await apiToken(t.app, 'cdb2@demo.local'))).status).toBe(409);
  expect(caseDecisions(id)).toHaveLength(1);
});
