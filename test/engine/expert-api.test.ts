import { expect, it } from 'vitest';
import { apiRequest, apiToken, makeTestApp } from '../helpers/index';
import { draftCase, send } from './drive';

const toPanel = (deps: Parameters<typeof draftCase>[0]) => {
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
    send(deps, `${who}@demo.local`, c.id, type!);
  }
  return c;
};

it('through the API an expert on the panel reads and scores, sees only their own score until all are in, and a declared conflict recuses them', async () => {
  const { app, deps } = await makeTestApp();
  const c = toPanel(deps);
  const t1 = await apiToken(app, 'expert1@demo.local');
  const t2 = await apiToken(app, 'expert2@demo.local');
  // An expert declares before scoring (API.md), through the API as on the pages.
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${c.id}/declarations`, { conflict: false }, t1)).status).toBe(201);
  const view = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t1)).json()) as any;
  const score = view.allowedEvents.find((e: any) => e.type === 'expert.score');
  expect(score).toBeDefined();
  const sent = await apiRequest(app, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'expert.score', version: view.version, data: { score: 77, opinion: '秘密意见 secret opinion' } }, t1);
  expect(sent.status).toBe(200);

  const other = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t2)).json()) as any;
  expect(JSON.stringify(other)).not.toContain('secret opinion');
  expect(other.details.scores).toEqual([]);
  const own = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t1)).json()) as any;
  expect(own.details.scores).toHaveLength(1);

  // expert2 declares a conflict through the API: recused from then on, and cannot score.
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${c.id}/declarations`, { conflict: true, note: '曾任该企业顾问 former adviser' }, t2)).status).toBe(201);
  const again = await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t2);
  expect(again.status).toBe(403);
  expect((await apiRequest(app, 'POST', `/api/v1/cases/${c.id}/declarations`, '{oops', t2)).status).toBe(400);
  const officer = await apiToken(app, 'officer@demo.local');
  const all = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, officer)).json()) as any;
  expect(all.details.scores).toHaveLength(1);
});
