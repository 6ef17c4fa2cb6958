// `closed` on every case the API shows (API.md): true exactly when no event can be accepted again.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiRequest, apiToken, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from './drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const json = async (r: Response) => (await r.json()) as any;

describe('the closed flag', () => {
  it('is false while a case can move and true once it is withdrawn, in the case and in the list', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const open = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token));
    expect(open.closed).toBe(false);
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.withdraw');
    const shut = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token));
    expect(shut).toMatchObject({ state: 'withdrawn', closed: true, allowedEvents: [] });
    const list = await json(await apiRequest(t.app, 'GET', '/api/v1/cases', undefined, token));
    expect(list.items.find((i: any) => i.id === c.id).closed).toBe(true);
    // A closed case refuses any event, whoever sends it.
    const late = await apiRequest(t.app, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: shut.version }, token);
    expect(late.status).toBe(422);
  });

  it('is false on the case of every programme while a decision is pending, with its events offered', async () => {
    const token = await apiToken(t.app, 'officer@demo.local');
    const c = draftCase(t.deps, 'ent1@demo.local', 'trade-platform-grant');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    const body = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token));
    expect(body.closed).toBe(false);
    expect(body.allowedEvents.map((e: any) => e.type)).toContain('officer.accept');
  });

  it('is said on the staff case page once the case is closed, and not before', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    const officer = await login(t.app, 'officer@demo.local');
    const before = await (await get(t.app, `/workbench/cases/${c.id}`, officer.cookie)).text();
    expect(before).not.toContain('id="case-closed"');
    send(t.deps, 'officer@demo.local', c.id, 'officer.reject', { reason: '不符合支持条件' });
    const proposed = await (await get(t.app, `/workbench/cases/${c.id}`, officer.cookie)).text();
    expect(proposed).not.toContain('id="case-closed"'); // a proposed refusal still waits on the approver
    send(t.deps, 'approver@demo.local', c.id, 'approver.sign-refusal', {});
    const after = await (await get(t.app, `/workbench/cases/${c.id}`, officer.cookie)).text();
    expect(after).toContain('id="case-closed"');
  });
});
