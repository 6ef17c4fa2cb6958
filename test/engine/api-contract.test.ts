import { beforeEach, describe, expect, it } from 'vitest';
import { apiRequest, apiToken, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from './drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const json = async (r: Response) => (await r.json()) as any;

describe('JSON API v1 contract', () => {
  it('lists the five programmes of DOMAIN.md and 就业培训补贴, and exposes a form schema whose example creates a draft', async () => {
    const token = await apiToken(t.app, 'ent1@demo.local');
    const list = await json(await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, token));
    expect(list.map((p: any) => p.code).sort()).toEqual(['cdb-infra-loan', 'employment-training-subsidy', 'exim-order-finance', 'sinosure-credit-insurance', 'special-fund', 'trade-platform-grant']);
    for (const p of list) {
      const detail = await json(await apiRequest(t.app, 'GET', `/api/v1/programmes/${p.code}`, undefined, token));
      expect(detail.formSchema.type).toBe('object');
      expect(detail.documents.length).toBeGreaterThan(0);
      const created = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: p.code, form: detail.example }, token);
      expect(created.status).toBe(201);
      const c = await json(created);
      expect(c).toMatchObject({ programme: p.code, state: 'draft', version: 1, history: [] });
      expect(c.reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
      expect(c.amount).toBe(detail.example.requestedAmount); // copied out for the queues' amount filter
    }
  });

  it('refuses a form that breaks its schema with 422 and unknown fields too', async () => {
    const token = await apiToken(t.app, 'ent1@demo.local');
    const bad = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: { amount: 'lots' } }, token);
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.code).toBe('UNPROCESSABLE');
    const unknown = await apiRequest(t.app, 'GET', '/api/v1/programmes/special-fund', undefined, token);
    const ex = (await json(unknown)).example;
    const extra = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: { ...ex, sneaky: 1 } }, token);
    expect(extra.status).toBe(422);
  });

  it('applies refusals in the documented order: 401, 404, 400, 409, 403, 422', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    const path = `/api/v1/cases/${c.id}/events`;
    const ent2 = await apiToken(t.app, 'ent2@demo.local');
    const officer = await apiToken(t.app, 'officer@demo.local');
    const approver = await apiToken(t.app, 'approver@demo.local');

    expect((await apiRequest(t.app, 'POST', path, { type: 'officer.accept', version: 2 })).status).toBe(401);
    expect((await apiRequest(t.app, 'POST', path, { type: 'officer.accept', version: 2 }, 'cj_forged')).status).toBe(401);
    // Not visible beats a malformed body.
    expect((await apiRequest(t.app, 'POST', path, '{not json', ent2)).status).toBe(404);
    expect((await apiRequest(t.app, 'POST', path, '{not json', officer)).status).toBe(400);
    expect((await apiRequest(t.app, 'POST', path, { type: 'officer.accept' }, officer)).status).toBe(400);
    // A stale version beats a forbidden event.
    const stale = await apiRequest(t.app, 'POST', path, { type: 'officer.accept', version: 1 }, approver);
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.code).toBe('VERSION_CONFLICT');
    expect((await apiRequest(t.app, 'POST', path, { type: 'officer.accept', version: 2 }, approver)).status).toBe(403);
    const schema = await apiRequest(t.app, 'POST', path, { type: 'officer.return', version: 2, data: { reason: 42 } }, officer);
    expect(schema.status).toBe(422);
    const ok = await apiRequest(t.app, 'POST', path, { type: 'officer.accept', version: 2, comment: '材料齐全' }, officer);
    expect(ok.status).toBe(200);
    const body = await json(ok);
    expect(body.version).toBe(3);
    expect(body.history.map((h: any) => h.type)).toEqual(['applicant.submit', 'officer.accept']);
    expect(body.history[1]).toMatchObject({ role: 'officer', from: 'submitted', comment: '材料齐全' });
  });

  it('every allowed event example is accepted when sent', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'exim-order-finance');
    const ent1 = await apiToken(t.app, 'ent1@demo.local');
    let view = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, ent1));
    const submit = view.allowedEvents.find((e: any) => e.type === 'applicant.submit');
    expect(submit.schema.type).toBe('object');
    const r = await apiRequest(t.app, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: view.version, data: submit.example }, ent1);
    expect(r.status).toBe(200);
    const exim = await apiToken(t.app, 'exim@demo.local');
    view = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, exim));
    expect(view.allowedEvents.length).toBeGreaterThan(0);
    for (const e of view.allowedEvents) expect(e.example).toBeTypeOf('object');
    const first = view.allowedEvents.find((e: any) => !/decline|return/.test(e.type)) ?? view.allowedEvents[0];
    const sent = await apiRequest(t.app, 'POST', `/api/v1/cases/${c.id}/events`, { type: first.type, version: view.version, data: first.example }, exim);
    expect(sent.status).toBe(200);
  });

  it('shows drafts only to the enterprise, and submitted cases only to their institution and auditors', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'exim-order-finance');
    const tokens = Object.fromEntries(await Promise.all(['ent1', 'ent2', 'officer', 'exim', 'cdb', 'auditor', 'admin'].map(async (n) => [n, await apiToken(t.app, `${n}@demo.local`)])));
    const sees = async (n: string) => (await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, tokens[n])).status;
    expect(await sees('ent1')).toBe(200);
    for (const n of ['ent2', 'officer', 'exim', 'cdb', 'auditor', 'admin']) expect(await sees(n)).toBe(404);
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    expect(await sees('exim')).toBe(200);
    expect(await sees('auditor')).toBe(200);
    for (const n of ['ent2', 'officer', 'cdb', 'admin']) expect(await sees(n)).toBe(404);
    const list = await json(await apiRequest(t.app, 'GET', '/api/v1/cases?programme=exim-order-finance', undefined, tokens.cdb));
    expect(list.items).toEqual([]);
  });

  it('paginates newest first with an opaque cursor and searches by reference, name and credit code', async () => {
    const rows = Array.from({ length: 5 }, () => draftCase(t.deps, 'ent1@demo.local', 'special-fund'));
    const token = await apiToken(t.app, 'ent1@demo.local');
    const page1 = await json(await apiRequest(t.app, 'GET', '/api/v1/cases?limit=2', undefined, token));
    expect(page1.items.map((i: any) => i.id)).toEqual([rows[4]!.id, rows[3]!.id]);
    const page2 = await json(await apiRequest(t.app, 'GET', `/api/v1/cases?limit=2&cursor=${page1.nextCursor}`, undefined, token));
    expect(page2.items.map((i: any) => i.id)).toEqual([rows[2]!.id, rows[1]!.id]);
    const page3 = await json(await apiRequest(t.app, 'GET', `/api/v1/cases?limit=2&cursor=${page2.nextCursor}`, undefined, token));
    expect(page3.nextCursor).toBeNull();
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases?limit=0', undefined, token)).status).toBe(400);
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases?limit=101', undefined, token)).status).toBe(400);
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases?cursor=garbage', undefined, token)).status).toBe(400);
    const byRef = await json(await apiRequest(t.app, 'GET', `/api/v1/cases?q=${rows[2]!.reference}`, undefined, token));
    expect(byRef.items.map((i: any) => i.id)).toEqual([rows[2]!.id]);
    const byCode = await json(await apiRequest(t.app, 'GET', `/api/v1/cases?q=${rows[0]!.creditCode}`, undefined, token));
    expect(byCode.items).toHaveLength(5);
    const byName = await json(await apiRequest(t.app, 'GET', `/api/v1/cases?q=${encodeURIComponent('渝芯')}`, undefined, token));
    expect(byName.items).toHaveLength(5);
  });

  it('answers bad input with statuses, never 500', async () => {
    const token = await apiToken(t.app, 'ent1@demo.local');
    expect((await apiRequest(t.app, 'POST', '/api/v1/cases', '[1,2', token)).status).toBe(400);
    expect((await apiRequest(t.app, 'POST', '/api/v1/cases', '[]', token)).status).toBe(400);
    expect((await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'nope', form: {} }, token)).status).toBe(422);
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases/abc', undefined, token)).status).toBe(404);
    expect((await apiRequest(t.app, 'GET', '/api/v1/cases/99999999999999999999', undefined, token)).status).toBe(404);
    expect((await apiRequest(t.app, 'GET', '/api/v1/nothing-here', undefined, token)).status).toBe(404);
    const huge = JSON.stringify({ programme: 'special-fund', form: { purpose: 'x'.repeat(1_100_000) } });
    expect((await apiRequest(t.app, 'POST', '/api/v1/cases', huge, token)).status).toBe(413);
  });
});
