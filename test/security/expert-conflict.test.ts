// One rule of independent review for pages and API (API.md): an expert declares before reading a
// case's documents or scoring, and a declared conflict recuses them from every case of that
// enterprise, not only the case where it was declared.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { documents } from '../../src/db/schema/index';
import { apiRequest, apiToken, get, login, makeTestApp } from '../helpers/index';
import { draftCase, send } from '../engine/drive';

async function twoPanelCases() {
  const t = await makeTestApp();
  const toPanel = () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
      send(t.deps, `${who}@demo.local`, c.id, type!);
    }
    return c;
  };
  return { ...t, a: toPanel(), b: toPanel() };
}

const docOf = (deps: Awaited<ReturnType<typeof makeTestApp>>['deps'], caseId: number) =>
  deps.db.select().from(documents).where(eq(documents.caseId, caseId)).all()[0]!;

it('an expert who has not declared reads the case summary but neither scores nor reads its documents', async () => {
  const { app, deps, a } = await twoPanelCases();
  const t1 = await apiToken(app, 'expert1@demo.local');
  const view = (await (await apiRequest(app, 'GET', `/api/v1/cases/${a.id}`, undefined, t1)).json()) as any;
  expect(view.allowedEvents.map((e: any) => e.type)).not.toContain('expert.score');
  expect(view.blockedEvents.find((e: any) => e.type === 'expert.score')?.reasonEn).toMatch(/Declare your interests/);
  const scored = await apiRequest(app, 'POST', `/api/v1/cases/${a.id}/events`, { type: 'expert.score', version: view.version, data: { score: 80, opinion: '未声明即评分' } }, t1);
  expect(scored.status).toBe(403);
  expect((await apiRequest(app, 'GET', `/api/v1/cases/${a.id}/documents/${docOf(deps, a.id).id}`, undefined, t1)).status).toBe(403);

  expect((await apiRequest(app, 'POST', `/api/v1/cases/${a.id}/declarations`, { conflict: false }, t1)).status).toBe(201);
  const after = (await (await apiRequest(app, 'GET', `/api/v1/cases/${a.id}`, undefined, t1)).json()) as any;
  expect(after.allowedEvents.map((e: any) => e.type)).toContain('expert.score');
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${a.id}/events`, { type: 'expert.score', version: after.version, data: { score: 80, opinion: '声明后评分' } }, t1)).status).toBe(200);
});

it('a conflict declared on one case recuses the expert from the enterprise\u2019s other cases, in the API and the pages', async () => {
  const { app, deps, a, b } = await twoPanelCases();
  const t2 = await apiToken(app, 'expert2@demo.local');
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${a.id}/declarations`, { conflict: true, note: '曾任该企业顾问' }, t2)).status).toBe(201);
  // Case b was never declared on, yet it belongs to the same enterprise.
  expect((await apiRequest(app, 'GET', `/api/v1/cases/${b.id}`, undefined, t2)).status).toBe(403);
  expect((await apiRequest(app, 'GET', `/api/v1/cases/${b.id}/documents/${docOf(deps, b.id).id}`, undefined, t2)).status).toBe(403);
  const current = (await (await apiRequest(app, 'GET', `/api/v1/cases/${b.id}`, undefined, await apiToken(app, 'officer@demo.local'))).json()) as any;
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${b.id}/events`, { type: 'expert.score', version: current.version, data: { score: 90, opinion: '利益冲突' } }, t2)).status).toBe(403);
  const s = await login(app, 'expert2@demo.local');
  const page = await get(app, `/workbench/cases/${b.id}`, s.cookie);
  expect(await page.text()).not.toContain(docOf(deps, b.id).filename);
  // The other expert is unaffected.
  const t1 = await apiToken(app, 'expert1@demo.local');
  expect((await apiRequest(app, 'GET', `/api/v1/cases/${b.id}`, undefined, t1)).status).toBe(200);
});
