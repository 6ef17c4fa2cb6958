// Holes the access matrix found, each pinned by the smallest request that showed it.
import { beforeEach, expect, it } from 'vitest';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { draftCase, send, userByEmail } from '../engine/drive';
import { apiRequest, apiToken, login, makeTestApp, OWN_ORIGIN, type TestApp } from '../helpers/index';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

it('a draft withdrawn before submission stays the enterprise’s own (it was never submitted)', async () => {
  const draft = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
  send(t.deps, 'ent1@demo.local', draft.id, 'applicant.withdraw', {});
  expect(getCaseRow(t.deps, draft.id)!.submittedAt).toBeNull();
  for (const email of ['officer@demo.local', 'auditor@demo.local']) {
    const token = await apiToken(t.app, email);
    expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${draft.id}`, undefined, token)).status).toBe(404);
    const list = (await (await apiRequest(t.app, 'GET', '/api/v1/cases', undefined, token)).json()) as { items: { id: number }[] };
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
  }
  const s = await login(t.app, 'officer@demo.local');
  expect((await t.app.request(`/workbench/cases/${draft.id}`, { headers: { cookie: s.cookie } })).status).toBe(404);
  expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${draft.id}`, undefined, await apiToken(t.app, 'ent1@demo.local'))).status).toBe(200);
});

it('an expert reads through the API only the cases whose panel names them', async () => {
  const c = draftCase(t.deps, 'ent2@demo.local', 'cdb-infra-loan');
  send(t.deps, 'ent2@demo.local', c.id, 'applicant.submit');
  const expert = await apiToken(t.app, 'expert1@demo.local');
  expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, expert)).status).toBe(404);
  expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}/decisions`, undefined, expert)).status).toBe(404);
  const list = (await (await apiRequest(t.app, 'GET', '/api/v1/cases', undefined, expert)).json()) as { items: unknown[] };
  expect(list.items).toEqual([]);
  // The officer of the same department still sees it: the narrowing is the expert's only.
  expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, await apiToken(t.app, 'officer@demo.local'))).status).toBe(200);
  expect(userByEmail(t.deps, 'expert1@demo.local').institutionCode).toBe('COMMERCE');
});

it('an applicant cannot send its events through the staff workbench route', async () => {
  const draft = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
  const s = await login(t.app, 'ent1@demo.local');
  const res = await t.app.request(`/workbench/cases/${draft.id}/events`, {
    method: 'POST', body: new URLSearchParams({ type: 'applicant.withdraw', version: '1', _csrf: s.csrf }).toString(),
    headers: { cookie: s.cookie, origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(403);
  expect(getCaseRow(t.deps, draft.id)!.state).toBe('draft');
});
