// Prefer: return=minimal (RFC 7240) on events: the step is taken exactly as without it, and the
// answer is the case summary instead of the whole case view.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiToken, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase } from './drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const post = (path: string, body: unknown, token: string, headers: Record<string, string> = {}) => t.app.request(path, {
  method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
});

describe('events with Prefer: return=minimal', () => {
  it('takes the step and answers with the summary: new state and version, no allowed events or history', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const res = await post(`/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: 1 }, token, { prefer: 'return=minimal' });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('return=minimal');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: c.id, reference: c.reference, state: 'submitted', version: 2 });
    expect(body).not.toHaveProperty('allowedEvents');
    expect(body).not.toHaveProperty('history');
    const full = (await (await t.app.request(`/api/v1/cases/${c.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    expect(full.version).toBe(2);
    expect(full.history).toHaveLength(1);
  });

  it('answers the whole case without the preference, or with another one', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const res = await post(`/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: 1 }, token, { prefer: 'return=representation' });
    expect(res.headers.get('preference-applied')).toBeNull();
    const body = (await res.json()) as any;
    expect(body.version).toBe(2);
    expect(Array.isArray(body.allowedEvents)).toBe(true);
    expect(body.history).toHaveLength(1);
  });

  it('replays the first answer for a repeated Idempotency-Key, and refuses a stale version as before', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const headers = { prefer: 'return=minimal', 'idempotency-key': 'k-1' };
    const first = await (await post(`/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: 1 }, token, headers)).json();
    const again = await post(`/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: 1 }, token, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    const stale = await post(`/api/v1/cases/${c.id}/events`, { type: 'applicant.withdraw', version: 1 }, token, { prefer: 'return=minimal' });
    expect(stale.status).toBe(409);
  });
});
