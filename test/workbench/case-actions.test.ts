import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, expertConflicts } from '../../src/db/schema/index';
import { get, login, apiToken, apiRequest, type Session, type TestApp } from '../helpers/index';
import { caseByRef, demoApp, historyTypes, postForm } from './requests';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await demoApp();
  for (const who of ['officer', 'expert1', 'expert2', 'approver', 'exim', 'exim2', 'ent1']) s[who] = await login(t.app, `${who}@demo.local`);
});

const page = async (id: number, who: string) => (await get(t.app, `/workbench/cases/${id}`, s[who]!.cookie)).text();

describe('acting on a case from the workbench', () => {
  it('draws one empty form per allowed event, with the figures of the case beside the fields', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000002'); // preliminary review
    const html = await page(c.id, 'officer');
    expect(html).toMatch(/data-event="officer.pass-screening"/);
    expect(html).toMatch(/data-event="officer.return"[\s\S]*?name="d.reason"/);
    expect(html).toContain(`name="version" value="${c.version}"`);
    const approval = caseByRef(t.deps, 'SF-2026-000009');
    const a = await page(approval.id, 'approver');
    expect(a).toMatch(/data-event="approver.approve"[\s\S]*?name="d.amount"[^>]*type="number"[^>]*value=""[\s\S]*?name="d.conditions"/);
    // The officer's recommendation is a labelled hint, not the input's value.
    expect(a).toMatch(/data-event="approver.approve"[\s\S]*?<span data-hint="amount">经办人拟支持金额：¥1,200,000<\/span>/);
  });

  it('updates the panel in place after an action and shows the new state', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000003');
    const res = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'officer.return', version: String(c.version), 'd.reason': '请补充环评批复 / Add the EIA approval' }, s.officer!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<div id="case-panel"')).toBe(true); // a fragment, not a page
    expect(html).toContain('data-state="amendment"');
    expect(html).toContain('退回补正');
    expect(caseByRef(t.deps, 'SF-2026-000003')).toMatchObject({ state: 'amendment', version: c.version + 1 });
  });

  it('tells the second of two people acting at once that the case changed, applies nothing twice and keeps their input', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000005'); // expert review, not yet assigned
    const other = await login(t.app, 'officer@demo.local'); // a second browser
    const first = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'officer.return', version: String(c.version), 'd.reason': '第一位 / first' }, s.officer!);
    expect(first.status).toBe(200);
    const second = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'officer.reject', version: String(c.version), 'd.reason': '第二位的理由 / second reason' }, other);
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('data-kind="conflict"');
    expect(html).toContain('data-state="amendment"'); // the new state
    const after = caseByRef(t.deps, 'SF-2026-000005');
    expect(after.version).toBe(c.version + 1);
    expect(historyTypes(t.deps, c.id).filter((x) => x === 'officer.return' || x === 'officer.reject')).toEqual(['officer.return']);
    // Sending the same form again (a double click) is refused the same way.
    expect((await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'officer.return', version: String(c.version), 'd.reason': '第一位 / first' }, s.officer!)).status).toBe(409);
  });

  it('keeps what was typed when the workflow refuses the data', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000009');
    const res = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'approver.approve', version: String(c.version), 'd.amount': '999999999999', 'd.conditions': '我的条件' }, s.approver!);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="999999999999"');
    expect(html).toContain('我的条件');
    expect(caseByRef(t.deps, 'SF-2026-000009').version).toBe(c.version);
  });

  it('shows a liaison the four-eyes refusal instead of a form for what they prepared', async () => {
    const c = caseByRef(t.deps, 'EXIM-2026-000002'); // verified by exim2
    const mine = await page(c.id, 'exim2');
    expect(mine).toContain('data-blocked="liaison.approve-financing"');
    expect(mine).not.toContain('data-event="liaison.approve-financing"');
    expect(await page(c.id, 'exim')).toContain('data-event="liaison.approve-financing"');
  });
});

describe('expert review', () => {
  it('asks an expert to declare before showing the case; a conflict is recorded and the officer must replace them', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000006'); // panel assigned, nobody scored
    const before = await page(c.id, 'expert1');
    expect(before).toContain('id="declaration"');
    expect(before).not.toContain('data-event="expert.score"');
    expect(before).not.toContain('id="h-app"');
    expect((await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'expert.score', version: String(c.version), 'd.score': '90', 'd.opinion': 'ok' }, s.expert1!)).status).toBe(403);

    const res = await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'yes', note: '曾任该企业顾问 / Former adviser' }, s.expert1!, { htmx: false });
    expect(res.status).toBe(303);
    expect(t.deps.db.select().from(expertConflicts).all().some((r) => r.note?.includes('Former adviser'))).toBe(true);
    expect(t.deps.db.select().from(auditEvents).all().some((a) => a.type === 'expert.declared-conflict' && a.caseId === c.id)).toBe(true);
    expect(await page(c.id, 'expert1')).toContain('已回避本案');
    const officer = await page(c.id, 'officer');
    expect(officer).toMatch(/name="d.expertIds\[\]" value="\d+" disabled/); // the conflicted expert cannot be chosen again
  });

  it('hides other experts\u2019 scores until all are in', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000007'); // expert1 scored, expert2 not yet
    await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'no' }, s.expert2!, { htmx: false });
    const html = await page(c.id, 'expert2');
    expect(html).toContain('data-event="expert.score"');
    expect(html).toContain('id="scores-hidden"');
    expect(html).not.toMatch(/data-score="/);
    const res = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'expert.score', version: String(c.version), 'd.score': '77', 'd.opinion': '可行 / Feasible' }, s.expert2!);
    expect(res.status).toBe(200);
    const after = await res.text();
    expect(after.match(/data-score="/g)?.length).toBe(2); // all in: both visible
  });
});

describe('internal comments', () => {
  it('are saved with an audit row and never reach the applicant', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000001'); // ent1's case
    const res = await postForm(t.app, `/workbench/cases/${c.id}/comments`, { body: '内部：注意核实就业数据' }, s.officer!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('内部：注意核实就业数据');
    expect(t.deps.db.select().from(auditEvents).all().some((a) => a.type === 'comment.added' && a.caseId === c.id)).toBe(true);
    const token = await apiToken(t.app, 'ent1@demo.local');
    const api = await (await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}`, undefined, token)).text();
    expect(api).not.toContain('注意核实就业数据');
    const portal = await get(t.app, `/portal/cases/${c.id}`, s.ent1!.cookie);
    expect(await portal.text()).not.toContain('注意核实就业数据');
  });
});

describe('decisions on the staff case page', () => {
  it('links the decision letters of a decided case', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000010'); // approved
    const html = await page(c.id, 'officer');
    expect(html).toMatch(/data-decision="[^"]+"><a href="\/decisions\/\d+\.pdf"/);
  });
});
