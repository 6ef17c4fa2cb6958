// A programme defined only in a test appears in the catalogue, the desks, the API, the
// statistics and the letters: what a programme is lives in its declaration alone.
import './fixture-programme'; // registers the fixture programme before the app loads
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { nationalFigures } from '../../src/domain/stats/location-figures';
import { draftCase, send } from '../engine/drive';
import { get, login, makeTestApp, type TestApp } from '../helpers/index';
import { FIXTURE } from './fixture-programme';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });

async function api(email: string, method: string, path: string, body?: unknown) {
  const tok = await t.app.request('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-pass-2026' }) });
  const { token } = (await tok.json()) as { token: string };
  const r = await t.app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: (await r.json().catch(() => null)) as any, token };
}

describe('a programme declared only in a test', () => {
  it('is in the catalogue: the API list, its schema, and the public and portal pages', async () => {
    const list = await api('ent1@demo.local', 'GET', '/api/v1/programmes');
    expect(list.body).toContainEqual(expect.objectContaining({ code: FIXTURE, institution: 'HR' }));
    expect((await api('ent1@demo.local', 'GET', `/api/v1/programmes/${FIXTURE}`)).body.example).toEqual({ projectName: '试点项目', requestedAmount: 50_000 });
    expect(await (await get(t.app, '/')).text()).toContain('试点补助（测试）');
    const { cookie } = await login(t.app, 'ent1@demo.local');
    expect(await (await get(t.app, '/programmes', cookie)).text()).toContain('试点补助（测试）');
  });

  it('moves through the API and the desks of its institution, and issues a letter counted in the statistics', async () => {
    const row = draftCase(t.deps, 'ent1@demo.local', FIXTURE);
    send(t.deps, 'ent1@demo.local', row.id, 'applicant.submit');
    // The desk of its institution's officer lists it; another institution's does not see it.
    const { cookie: hr } = await login(t.app, 'hr@demo.local');
    expect(await (await get(t.app, '/workbench', hr)).text()).toContain(row.reference);
    expect((await api('officer@demo.local', 'GET', `/api/v1/cases/${row.id}`)).status).toBe(404);
    const view = await api('hr@demo.local', 'GET', `/api/v1/cases/${row.id}`);
    expect(view.body.allowedEvents.map((e: any) => e.type)).toEqual(['officer.propose']);
    expect((await api('hr@demo.local', 'POST', `/api/v1/cases/${row.id}/events`, { type: 'officer.propose', version: view.body.version, data: {} })).status).toBe(200);
    const v2 = (await api('hr2@demo.local', 'GET', `/api/v1/cases/${row.id}`)).body;
    const approved = await api('hr2@demo.local', 'POST', `/api/v1/cases/${row.id}/events`, { type: 'approver.approve', version: v2.version, data: { amount: 40_000 } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', closed: true });

    await renderPendingDecisions(t.deps);
    const decisions = await api('ent1@demo.local', 'GET', `/api/v1/cases/${row.id}/decisions`);
    expect(decisions.body).toEqual([expect.objectContaining({ outcome: 'approved', amount: 40_000 })]);
    const pdf = await get(t.app, decisions.body[0].pdfUrl, undefined, { authorization: `Bearer ${decisions.token}` });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');

    const n = nationalFigures(t.deps.db, {});
    expect(n.figures.approved.value).toBe(40_000);
    expect(n.figures.supported.value).toBe(1);
  });
});
