import { beforeEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { apiRequest, apiToken, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from './drive';
import { onPostgres } from '../helpers/test-db';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });
const json = async (r: Response) => (await r.json()) as any;

describe('idempotency', () => {
  it('replays the first answer for the same key and applies the event once', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const send1 = () => t.app.request(`/api/v1/cases/${c.id}/events`, {
      method: 'POST', body: JSON.stringify({ type: 'applicant.submit', version: 1 }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'submit-1' },
    });
    const first = await send1();
    const second = await send1();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await json(first), await json(second)];
    expect(b.version).toBe(a.version);
    expect(b.state).toBe('submitted');
    expect(getCaseRow(t.deps, c.id)!.version).toBe(2);
    const history = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token));
    expect(history.history).toHaveLength(1);
  });

  it('refuses a key reused for another case', async () => {
    const c1 = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const c2 = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const post = (id: number) => t.app.request(`/api/v1/cases/${id}/events`, {
      method: 'POST', body: JSON.stringify({ type: 'applicant.submit', version: 1 }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'k' },
    });
    expect((await post(c1.id)).status).toBe(200);
    expect((await post(c2.id)).status).toBe(422);
    expect(getCaseRow(t.deps, c2.id)!.version).toBe(1);
  });
});

describe('audit trail', () => {
  it('verifies, detects one altered row and names it, and refuses UPDATE and DELETE', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    send(t.deps, 'officer@demo.local', c.id, 'officer.accept');
    const auditor = await apiToken(t.app, 'auditor@demo.local');
    const ok = await json(await apiRequest(t.app, 'GET', '/api/v1/audit/verify', undefined, auditor));
    expect(ok).toMatchObject({ ok: true, firstBadId: null });
    expect(ok.checked).toBeGreaterThan(3);

    const sqlite = t.deps.db.$client;
    expect(() => sqlite.prepare("update audit_events set comment = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/);

    // Someone with file access drops the trigger and edits one row.
    const target = sqlite.prepare("select id from audit_events where type = 'applicant.submit'").get() as { id: number };
    sqlite.exec(onPostgres ? 'drop trigger audit_events_no_update on audit_events' : 'drop trigger audit_events_no_update');
    sqlite.prepare("update audit_events set comment = 'forged' where id = ?").run(target.id);
    const bad = await json(await apiRequest(t.app, 'GET', '/api/v1/audit/verify', undefined, auditor));
    expect(bad).toMatchObject({ ok: false, firstBadId: target.id });
  });

  it('is readable by auditors and admins only', async () => {
    for (const email of ['ent1@demo.local', 'officer@demo.local', 'exim@demo.local']) {
      const token = await apiToken(t.app, email);
      expect((await apiRequest(t.app, 'GET', '/api/v1/audit', undefined, token)).status).toBe(403);
      expect((await apiRequest(t.app, 'GET', '/api/v1/audit/verify', undefined, token)).status).toBe(403);
    }
    const admin = await apiToken(t.app, 'admin@demo.local');
    const page = await json(await apiRequest(t.app, 'GET', '/api/v1/audit?limit=2', undefined, admin));
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
  });
});

describe('stored snapshots', () => {
  it('a case whose state no longer exists is a clear error for that case only', async () => {
    const broken = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const fine = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const stored = JSON.parse((t.deps.db.$client.prepare('select snapshot from cases where id = ?').pluck().get(broken.id)) as string);
    t.deps.db.$client.prepare('update cases set snapshot = ? where id = ?').run(JSON.stringify({ ...stored, value: 'renamedState' }), broken.id);
    const token = await apiToken(t.app, 'ent1@demo.local');
    const r = await apiRequest(t.app, 'GET', `/api/v1/cases/${broken.id}`, undefined, token);
    expect(r.status).toBe(422);
    expect((await json(r)).error.code).toBe('CASE_UNREADABLE');
    const ev = await apiRequest(t.app, 'POST', `/api/v1/cases/${broken.id}/events`, { type: 'applicant.submit', version: 1 }, token);
    expect((await json(ev)).error.code).toBe('CASE_UNREADABLE');
    expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${fine.id}`, undefined, token)).status).toBe(200);
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases', undefined, token)).status).toBe(200);
  });

  it('a case saved by another machine version is refused, not misread', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    t.deps.db.$client.prepare('update cases set machine_version = 99 where id = ?').run(c.id);
    const token = await apiToken(t.app, 'ent1@demo.local');
    const r = await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token);
    expect((await json(r)).error.message).toMatch(/version 99/);
  });
});

describe('scheduler', () => {
  async function toPublicNotice(noticeDays: string) {
    t = await makeTestApp({ config: { PUBLIC_NOTICE_DAYS: noticeDays } });
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    for (const [email, type] of GOVERNMENT_FUND_TO_NOTICE) send(t.deps, email, c.id, type);
    const row = getCaseRow(t.deps, c.id)!;
    expect(row.state).toBe('publicNotice');
    return row;
  }

  it('ends a 7-day public notice only when the time has come, as the system', async () => {
    const row = await toPublicNotice('7');
    expect(row.dueAt).not.toBeNull();
    t.clock.advance(6 * 86_400_000);
    expect(runScheduler(t.deps).sent).toBe(0);
    t.clock.advance(1 * 86_400_000 + 1000);
    expect(runScheduler(t.deps)).toMatchObject({ sent: 1, failed: 0 });
    const after = getCaseRow(t.deps, row.id)!;
    expect(after.state).not.toBe(row.state);
    expect(after.version).toBe(row.version + 1);
    const last = t.deps.db.$client.prepare("select actor_role, type from audit_events where case_id = ? and kind = 'event' order by id desc limit 1").get(row.id);
    expect(last).toEqual({ actor_role: 'system', type: 'system.notice-ended' });
    expect(runScheduler(t.deps).sent).toBe(0); // nothing twice
  });

  it('sweeps in chunks, in id order, so a long sweep can yield between them', async () => {
    const first = await toPublicNotice('0');
    const more = [1, 2].map(() => {
      const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
      send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
      for (const [email, type] of GOVERNMENT_FUND_TO_NOTICE) send(t.deps, email, c.id, type);
      return c.id;
    });
    const chunk1 = runScheduler(t.deps, 2);
    expect(chunk1).toEqual({ sent: 2, failed: 0, lastId: more[0] });
    expect(runScheduler(t.deps, 2, chunk1.lastId!)).toEqual({ sent: 1, failed: 0, lastId: null });
    for (const id of [first.id, ...more]) expect(getCaseRow(t.deps, id)!.state).toBe('approval');
  });

  it('with PUBLIC_NOTICE_DAYS=0 the notice ends at the next sweep', async () => {
    const row = await toPublicNotice('0');
    expect(runScheduler(t.deps).sent).toBe(1);
    expect(getCaseRow(t.deps, row.id)!.state).not.toBe(row.state);
  });
});

/** The happy path of a government-fund case from submission to the public notice (公示). */
export const GOVERNMENT_FUND_TO_NOTICE: [string, string][] = [
  ['officer@demo.local', 'officer.accept'],
  ['officer@demo.local', 'officer.pass-screening'],
  ['officer@demo.local', 'officer.assign-experts'],
  ['expert1@demo.local', 'expert.score'],
  ['expert2@demo.local', 'expert.score'],
  ['officer@demo.local', 'officer.recommend'],
];
