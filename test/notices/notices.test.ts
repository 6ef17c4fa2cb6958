// The public notice (公示): GET /api/v1/notices and objections by API and by page, without a
// token; each objection resolved by the officer before the approval; approval ≤ published amount.
import { beforeEach, describe, expect, it } from 'vitest';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { apiRequest, apiToken, formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from '../engine/drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const TO_NOTICE: [string, string][] = [
  ['officer@demo.local', 'officer.accept'], ['officer@demo.local', 'officer.pass-screening'], ['officer@demo.local', 'officer.assign-experts'],
  ['expert1@demo.local', 'expert.score'], ['expert2@demo.local', 'expert.score'], ['officer@demo.local', 'officer.recommend'],
];
function underNotice(programme = 'special-fund', applicant = 'ent1@demo.local') {
  const c = draftCase(t.deps, applicant, programme);
  send(t.deps, applicant, c.id, 'applicant.submit');
  for (const [email, type] of TO_NOTICE) send(t.deps, email, c.id, type);
  return getCaseRow(t.deps, c.id)!;
}
const json = async (r: Response) => (await r.json()) as any;
const OBJECTION = { name: '王先生', contact: '13800000000', text: '该企业承诺的就业人数与实际用工情况不符，请核实。' };
const object = (caseId: number | string, body: unknown, address?: string) => t.app.request(`/api/v1/notices/${caseId}/objections`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
}, address ? { incoming: { socket: { remoteAddress: address } } } : undefined);

describe('GET /api/v1/notices', () => {
  it('lists, without a token, exactly the cases under notice with the published fields', async () => {
    expect(await json(await apiRequest(t.app, 'GET', '/api/v1/notices'))).toEqual([]);
    const c = underNotice();
    draftCase(t.deps, 'ent2@demo.local', 'special-fund'); // a draft is not published
    const list = await json(await apiRequest(t.app, 'GET', '/api/v1/notices'));
    const ctx = JSON.parse(c.snapshot).context;
    expect(list).toEqual([{
      caseId: c.id, reference: c.reference, programme: 'special-fund', enterprise: c.enterpriseName,
      project: JSON.parse(c.form).projectName, amount: ctx.recommendation.amount, endsAt: ctx.noticeEndsAt,
    }]);
    // Once the notice ends the case is no longer listed, and objections are refused.
    t.clock.advance(8 * 86_400_000);
    expect(await json(await apiRequest(t.app, 'GET', '/api/v1/notices'))).toEqual([]);
    expect((await object(c.id, OBJECTION)).status).toBe(404);
  });
});

describe('POST /api/v1/notices/:caseId/objections', () => {
  it('files an objection without a token (201) and answers 404, 400 and 422 as API.md says', async () => {
    const c = underNotice();
    const ok = await object(c.id, OBJECTION, '10.0.0.1');
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({ id: expect.any(Number), caseId: c.id });
    const draft = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    expect((await object(draft.id, OBJECTION)).status).toBe(404);
    expect((await object(999999, OBJECTION)).status).toBe(404);
    expect((await object('abc', OBJECTION)).status).toBe(404);
    expect((await object(c.id, '{not json')).status).toBe(400);
    expect((await object(c.id, [1, 2])).status).toBe(400);
    const empty = await object(c.id, { name: '', contact: '', text: '短' });
    expect(empty.status).toBe(422);
    expect((await json(empty)).error.details.fields).toHaveProperty('text');
    expect((await object(c.id, { ...OBJECTION, extra: 1 })).status).toBe(422);
  });

  it('limits each address (429) without limiting the others', async () => {
    const c = underNotice();
    for (let i = 0; i < 5; i++) expect((await object(c.id, OBJECTION, '10.0.0.7')).status).toBe(201);
    const over = await object(c.id, OBJECTION, '10.0.0.7');
    expect(over.status).toBe(429);
    expect((await json(over)).error.code).toBe('TOO_MANY_REQUESTS');
    expect((await object(c.id, OBJECTION, '10.0.0.8')).status).toBe(201);
    t.clock.advance(3_600_000 + 1000);
    expect((await object(c.id, OBJECTION, '10.0.0.7')).status).toBe(201);
  });
});

describe('resolving objections', () => {
  async function approve(caseId: number, amount?: number) {
    const token = await apiToken(t.app, 'approver@demo.local');
    const row = getCaseRow(t.deps, caseId)!;
    const data = { amount: amount ?? JSON.parse(row.snapshot).context.recommendation.amount, conditions: '' };
    return apiRequest(t.app, 'POST', `/api/v1/cases/${caseId}/events`, { type: 'approver.approve', version: row.version, data }, token);
  }

  it('blocks the approval until every objection is resolved; a dismissal needs reasons', async () => {
    const c = underNotice();
    const { id } = await json(await object(c.id, OBJECTION));
    t.clock.advance(8 * 86_400_000);
    runScheduler(t.deps);
    expect(getCaseRow(t.deps, c.id)!.state).toBe('approval');
    const blocked = await approve(c.id);
    expect(blocked.status).toBe(422);
    expect((await json(blocked)).error.message).toContain(`#${id}`);
    expect(() => send(t.deps, 'officer@demo.local', c.id, 'officer.dismiss-objection', { objectionId: id, reasons: '' })).toThrow();
    expect(() => send(t.deps, 'officer@demo.local', c.id, 'officer.dismiss-objection', { objectionId: id + 99, reasons: '经核实不成立' })).toThrow(/No open objection/);
    send(t.deps, 'officer@demo.local', c.id, 'officer.dismiss-objection', { objectionId: id, reasons: '经核实，用工合同与社保记录一致，异议不成立' });
    expect(() => send(t.deps, 'officer@demo.local', c.id, 'officer.dismiss-objection', { objectionId: id, reasons: '再次驳回同一异议' })).toThrow(/No open objection/);
    expect((await approve(c.id)).status).toBe(200);
  });

  it('sends the case back to expert review when an objection is upheld; the notice lapses', async () => {
    const c = underNotice();
    const { id } = await json(await object(c.id, OBJECTION));
    send(t.deps, 'officer@demo.local', c.id, 'officer.uphold-objection', { objectionId: id, reasons: '经核实，就业承诺与实际不符，重新评审' });
    const row = getCaseRow(t.deps, c.id)!;
    expect(row.state).toBe('review.expert');
    expect(JSON.parse(row.snapshot).context).toMatchObject({ recommendation: null, noticeEndsAt: null });
    expect(await json(await apiRequest(t.app, 'GET', '/api/v1/notices'))).toEqual([]);
    expect((await object(c.id, OBJECTION)).status).toBe(404);
  });

  it('never approves more than the amount published in the notice', async () => {
    const c = underNotice('special-fund');
    const published = JSON.parse(c.snapshot).context.recommendation.amount as number;
    t.clock.advance(8 * 86_400_000);
    runScheduler(t.deps);
    const over = await approve(c.id, published + 1);
    expect(over.status).toBe(422);
    expect((await json(over)).error.message).toMatch(/published in the notice|公示金额/);
    expect((await approve(c.id, published)).status).toBe(200);
  });
});

describe('the /notices page', () => {
  it('shows the notice to anyone, files an objection from its form, and shows it to the officer', async () => {
    const c = underNotice('trade-platform-grant', 'ent2@demo.local');
    const html = await (await get(t.app, '/notices')).text();
    expect(html).toContain(c.reference);
    expect(html).toContain(JSON.parse(c.form).projectName);
    expect(html).toContain(`/notices/${c.id}/objections`);
    const bad = await formPost(t.app, `/notices/${c.id}/objections`, { name: '李女士', contact: '', text: '太短' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('李女士'); // nothing typed is lost
    const res = await formPost(t.app, `/notices/${c.id}/objections`, { name: '李女士', contact: 'li@example.com', text: '平台建设内容与已有检测中心重复，请核实必要性。' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/notices\?filed=\d+$/);
    expect(await (await get(t.app, res.headers.get('location')!)).text()).toContain('id="objection-filed"');
    const officer = await login(t.app, 'officer@demo.local');
    const page = await (await get(t.app, `/workbench/cases/${c.id}`, officer.cookie)).text();
    expect(page).toContain('平台建设内容与已有检测中心重复');
    expect(page).toContain('id="objections"');
    const applicant = await login(t.app, 'ent2@demo.local');
    expect((await get(t.app, `/portal/cases/${c.id}`, applicant.cookie)).status).toBe(200);
  });
});

describe('objections reach subscribed institutions', () => {
  it('a public objection writes a notice.objection delivery in its own transaction, and a refused one writes none', async () => {
    const admin = await apiToken(t.app, 'admin@demo.local');
    const reg = await apiRequest(t.app, 'POST', '/api/v1/webhooks', { url: 'https://hooks.commerce.example.com/objections', events: ['notice.objection'], institution: 'COMMERCE' }, admin);
    expect(reg.status).toBe(201);
    const c = underNotice();
    const deliveries = () => t.deps.db.$client.prepare(`select type, body from webhook_deliveries where case_id = ? and type = 'notice.objection'`).all(c.id) as { type: string; body: string }[];
    expect((await object(c.id, { ...OBJECTION, text: '太短' })).status).toBe(422);
    expect(deliveries()).toEqual([]);
    const filed = await json(await object(c.id, OBJECTION));
    const rows = deliveries();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ type: 'notice.objection', caseId: c.id, programme: 'special-fund', objectionId: filed.id });
  });
});
