import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditEvents, decisions } from '../../src/db/schema/index';
import { proposeCorrection } from '../../src/domain/decisions/propose-correction';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { apiRequest, apiToken, formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { pdfText } from '../pdf/poppler';
import { declinedEximCase, demoUser } from './drive-case';

let t: TestApp;
let c: Awaited<ReturnType<typeof declinedEximCase>>;
beforeAll(async () => {
  t = await makeTestApp();
  c = await declinedEximCase(t.deps);
});

const row = (id: number) => t.deps.db.select().from(decisions).where(eq(decisions.id, id)).get()!;

test('only staff of the issuing institution may propose a correction; others are refused or do not see it', () => {
  expect(() => proposeCorrection(t.deps, demoUser(t.deps, 'officer@demo.local'), c.decisionId, { reasons: '更正理由说明' })).toThrow(/No such decision|issuing institution/);
  expect(() => proposeCorrection(t.deps, demoUser(t.deps, 'ent1@demo.local'), c.decisionId, { reasons: '更正理由说明' })).toThrow(/issuing institution/);
  expect(() => proposeCorrection(t.deps, demoUser(t.deps, 'exim@demo.local'), c.decisionId, { reasons: 'x' })).toThrow(/“更正理由”至少 5 个字/); // the catalogue's words, never the key
});

test('a correction proposed on the page is issued only when a second person signs it: a new decision naming the old one, which stays unchanged', async () => {
  const before = row(c.decisionId);
  const s = await login(t.app, 'exim@demo.local');
  const res = await formPost(t.app, `/decisions/${c.decisionId}/corrections`, { reasons: '经复核，订单金额核实有误，更正理由如下 / Corrected reasons', amount: '', conditions: '' }, { cookie: s.cookie, csrf: s.csrf });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/decisions/${c.decisionId}#pending-title`);
  expect(t.deps.db.select().from(decisions).where(eq(decisions.caseId, c.caseId)).all()).toHaveLength(1); // no new decision yet
  const ownPage = await (await get(t.app, `/decisions/${c.decisionId}`, s.cookie)).text();
  expect(ownPage).toContain('待签署的更正');
  expect(ownPage).not.toContain('/sign"'); // the proposer cannot sign

  const s2 = await login(t.app, 'exim2@demo.local');
  const page = await (await get(t.app, `/decisions/${c.decisionId}`, s2.cookie)).text();
  const cid = Number(/\/decisions\/corrections\/(\d+)\/sign/.exec(page)![1]);
  const signed = await formPost(t.app, `/decisions/corrections/${cid}/sign`, {}, { cookie: s2.cookie, csrf: s2.csrf });
  expect(signed.status).toBe(303);
  const newId = Number(/\/decisions\/(\d+)$/.exec(signed.headers.get('location')!)![1]);
  await renderPendingDecisions(t.deps);
  const corrected = row(newId);
  expect(corrected.replacesId).toBe(c.decisionId);
  expect(corrected.number).not.toBe(before.number);
  expect(corrected.preparedBy).toBe(demoUser(t.deps, 'exim@demo.local').id);
  expect(corrected.issuedBy).toBe(demoUser(t.deps, 'exim2@demo.local').id);
  expect(row(c.decisionId)).toEqual(before);

  const applicant = await login(t.app, 'ent1@demo.local');
  const oldPdf = await get(t.app, `/decisions/${c.decisionId}.pdf`, applicant.cookie);
  const newPdf = await get(t.app, `/decisions/${newId}.pdf`, applicant.cookie);
  expect([oldPdf.status, newPdf.status]).toEqual([200, 200]);
  const text = pdfText(Buffer.from(await newPdf.arrayBuffer()));
  expect(text).toContain(`本决定更正并取代第 ${before.number} 号决定`);

  const audit = t.deps.db.select().from(auditEvents).where(eq(auditEvents.type, 'decision.issued')).all().map((a) => JSON.parse(a.data!));
  expect(audit).toContainEqual(expect.objectContaining({ decisionId: newId, replacesId: c.decisionId }));

  const verify = await (await get(t.app, `/verify/${before.verificationCode}`)).text();
  expect(verify).toContain(corrected.number); // the holder of the old letter learns it was replaced

  // A replaced decision cannot be corrected again: the chain would fork.
  const token = await apiToken(t.app, 'exim@demo.local');
  const again = await apiRequest(t.app, 'POST', `/api/v1/decisions/${c.decisionId}/corrections`, { reasons: '再次更正的理由' }, token);
  expect(again.status).toBe(409);
  const ok = await apiRequest(t.app, 'POST', `/api/v1/decisions/${newId}/corrections`, { reasons: '再次更正的理由' }, token);
  expect(ok.status).toBe(201);
  const list = (await (await apiRequest(t.app, 'GET', `/api/v1/cases/${c.caseId}/decisions`, undefined, token)).json()) as { pendingCorrection: unknown }[];
  expect(list).toHaveLength(2);
  expect(list[1]!.pendingCorrection).toMatchObject({ proposedBy: { name: expect.any(String) } });
});

test('the API refuses another enterprise with 404 before reading the body', async () => {
  const token = await apiToken(t.app, 'ent2@demo.local');
  expect((await apiRequest(t.app, 'POST', `/api/v1/decisions/${c.decisionId}/corrections`, 'not json', token)).status).toBe(404);
});
