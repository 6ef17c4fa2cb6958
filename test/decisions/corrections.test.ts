import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditEvents, decisions } from '../../src/db/schema/index';
import { correctDecision } from '../../src/domain/decisions/correct-decision';
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

test('only staff of the issuing institution may correct; others are refused or do not see it', () => {
  expect(() => correctDecision(t.deps, demoUser(t.deps, 'officer@demo.local'), c.decisionId, { reasons: '更正理由说明' })).toThrow(/No such decision|issuing institution/);
  expect(() => correctDecision(t.deps, demoUser(t.deps, 'ent1@demo.local'), c.decisionId, { reasons: '更正理由说明' })).toThrow(/issuing institution/);
  expect(() => correctDecision(t.deps, demoUser(t.deps, 'exim@demo.local'), c.decisionId, { reasons: 'x' })).toThrow(/reasons/);
});

test('a correction is a new decision naming the old one; the old one is unchanged and both stay downloadable', async () => {
  const before = row(c.decisionId);
  const s = await login(t.app, 'exim@demo.local');
  const res = await formPost(t.app, `/decisions/${c.decisionId}/corrections`, { reasons: '经复核，订单金额核实有误，更正理由如下 / Corrected reasons', amount: '', conditions: '' }, { cookie: s.cookie, csrf: s.csrf });
  expect(res.status).toBe(303);
  const newId = Number(/\/decisions\/(\d+)$/.exec(res.headers.get('location')!)![1]);
  await renderPendingDecisions(t.deps);
  const corrected = row(newId);
  expect(corrected.replacesId).toBe(c.decisionId);
  expect(corrected.number).not.toBe(before.number);
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
  const ok = await apiRequest(t.app, 'POST', `/api/v1/decisions/${newId}/corrections`, { reasons: '再次更正的理由', amount: 5000 }, token);
  expect(ok.status).toBe(201);
  const list = (await (await apiRequest(t.app, 'GET', `/api/v1/cases/${c.caseId}/decisions`, undefined, token)).json()) as unknown[];
  expect(list).toHaveLength(3);
});

test('the API refuses another enterprise with 404 before reading the body', async () => {
  const token = await apiToken(t.app, 'ent2@demo.local');
  expect((await apiRequest(t.app, 'POST', `/api/v1/decisions/${c.decisionId}/corrections`, 'not json', token)).status).toBe(404);
});
