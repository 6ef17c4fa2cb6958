// What the preparer wrote reaches whoever acts next, on the staff case page (the brief) and in
// the history; scores join the brief only once all are in; refusals show at the field, in the
// reader's language.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { get, login, type Session, type TestApp } from '../helpers/index';
import { caseByRef, demoApp, postForm } from './requests';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await demoApp();
  for (const who of ['officer', 'expert1', 'expert2', 'approver', 'cdb', 'cdb2', 'exim', 'exim2', 'ent1', 'ent2']) s[who] = await login(t.app, `${who}@demo.local`);
});

const page = async (id: number, who: string, lang?: 'en') => (await get(t.app, `/workbench/cases/${id}`, `${s[who]!.cookie}${lang ? '; cj_lang=en' : ''}`)).text();
const brief = (html: string) => /<section class="card brief" id="brief"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
/** Sends an event form and gives a confirmation when the step asks for one. */
async function send(id: number, who: string, fields: Record<string, string | string[]>) {
  const version = String(getCaseRow(t.deps, id)!.version);
  const first = await postForm(t.app, `/workbench/cases/${id}/events`, { version, ...fields }, s[who]!);
  const html = await first.text();
  if (!html.includes('id="confirm"')) return { status: first.status, html };
  const again = await postForm(t.app, `/workbench/cases/${id}/events`, { version, ...fields, _confirm: '1' }, s[who]!);
  return { status: again.status, html: await again.text() };
}

describe('the brief for whoever acts next', () => {
  it("gives the approver the officer's recommendation and reasons, and the scores once all are in", async () => {
    const c = caseByRef(t.deps, 'SF-2026-000007'); // expert1 has scored, expert2 not yet
    await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'no' }, s.expert1!, { htmx: false });
    expect(brief(await page(c.id, 'expert1'))).not.toContain('data-brief="scores"'); // not all in: no scores in the brief
    await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'no' }, s.expert2!, { htmx: false });
    expect((await send(c.id, 'expert2', { type: 'expert.score', 'd.score': '74', 'd.opinion': '培训规模偏大，建议分期实施' })).status).toBe(200);
    expect((await send(c.id, 'officer', { type: 'officer.recommend', 'd.amount': '650000', 'd.note': '两位专家均认可，按七成支持', comment: '已电话核实培训场地' })).status).toBe(200);
    // The notice ends on the scheduler's clock.
    const row = getCaseRow(t.deps, c.id)!;
    const today = t.clock.now();
    t.clock.set(new Date(today.getTime() + 30 * 86_400_000));
    applyEvent(t.deps, null, { caseId: c.id, type: 'system.notice-ended', expectedVersion: row.version });
    t.clock.set(today); // back, so that the sessions stay open

    const html = await page(c.id, 'approver');
    const b = brief(html);
    expect(b).toMatch(/data-brief="officer.recommend"[\s\S]*拟支持金额<\/dt><dd>¥650,000<\/dd><dt>说明<\/dt><dd>两位专家均认可，按七成支持<\/dd>[\s\S]*已电话核实培训场地/);
    expect(b).toMatch(/data-brief="scores"[\s\S]*培训规模偏大，建议分期实施/);
    // The figure is beside the approval field, the field itself is empty.
    expect(html).toMatch(/<span data-hint="amount">经办人拟支持金额：¥650,000<\/span>[\s\S]*?name="d.amount"[^>]*value=""/);
    // The history shows what the step carried, and its comment.
    expect(html).toMatch(/<li data-event="officer.recommend">[\s\S]*?两位专家均认可，按七成支持[\s\S]*?已电话核实培训场地[\s\S]*?<\/li>/);
    // Applicants never see the brief, the experts or their opinions.
    const portal = await (await get(t.app, `/portal/cases/${c.id}`, s.ent1!.cookie)).text();
    expect(portal).not.toContain('id="brief"');
    expect(portal).not.toContain('培训规模偏大');
  });

  it('gives the credit committee the due-diligence proposal', async () => {
    const c = caseByRef(t.deps, 'CDB-2026-000002'); // due diligence
    expect((await send(c.id, 'cdb', { type: 'liaison.submit-to-committee', 'd.proposedAmount': '250000000', 'd.report': '现金流覆盖本息 1.6 倍，建议 2.5 亿元' })).status).toBe(200);
    const html = await page(c.id, 'cdb2');
    expect(brief(html)).toMatch(/data-brief="liaison.submit-to-committee"[\s\S]*¥250,000,000[\s\S]*现金流覆盖本息 1.6 倍，建议 2.5 亿元/);
    expect(html).toMatch(/<span data-hint="approvedAmount">尽职调查建议金额：¥250,000,000<\/span>[\s\S]*?name="d.approvedAmount"[^>]*value=""/);
    const en = await page(c.id, 'cdb2', 'en');
    expect(en).toContain('<span data-hint="approvedAmount">Proposed by due diligence: ¥250,000,000</span>');
  });

  it('gives the second liaison what the first verified', async () => {
    const c = caseByRef(t.deps, 'EXIM-2026-000001'); // submitted
    expect((await send(c.id, 'exim', { type: 'liaison.verify-order', 'd.verifiedOrderValueCny': '13800000', 'd.note': '报关单金额略低于合同，按报关单核定' })).status).toBe(200);
    const b = brief(await page(c.id, 'exim2'));
    expect(b).toMatch(/data-brief="liaison.verify-order"[\s\S]*核实合同金额<\/dt><dd>¥13,800,000<\/dd>[\s\S]*报关单金额略低于合同，按报关单核定/);
  });
});

describe('refusals at the field, in the reader\u2019s language', () => {
  const errorAt = (html: string, id: string) => new RegExp(`id="${id}-err">([^<]*)<`).exec(html)?.[1];

  it('shows a rule that blocks the approval at the amount, with the figure that would pass', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000009'); // approval, requested 1,200,000
    const { status, html } = await send(c.id, 'approver', { type: 'approver.approve', 'd.amount': '1500000', 'd.conditions': '' });
    expect(status).toBe(422);
    expect(errorAt(html, 'ev-approver-approve-amount')).toBe('批准金额不得超过公示金额（最多 1,200,000 元）');
    expect(html).toMatch(/id="flash"[^>]*data-kind="error">批准金额不得超过公示金额（最多 1,200,000 元）</);
    expect(html).toContain('value="1500000"'); // what was typed is kept
    const en = await postForm(t.app, `/workbench/cases/${c.id}/events`, { type: 'approver.approve', version: String(c.version), 'd.amount': '1500000', 'd.conditions': '' }, { ...s.approver!, cookie: `${s.approver!.cookie}; cj_lang=en` });
    const enHtml = await en.text();
    expect(errorAt(enHtml, 'ev-approver-approve-amount'), enHtml.slice(0, 600)).toBe('The approved amount may not exceed the amount published in the notice (at most CNY 1,200,000)');
  });

  it('words invalid data by the field\u2019s label, never its key or zod\u2019s text', async () => {
    const c = caseByRef(t.deps, 'SF-2026-000006'); // panel assigned, nobody scored
    await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'no' }, s.expert1!, { htmx: false });
    const { status, html } = await send(c.id, 'expert1', { type: 'expert.score', 'd.score': '101', 'd.opinion': '好' });
    expect(status).toBe(422);
    expect(errorAt(html, 'ev-expert-score-score')).toBe('“评分”不得超过 100');
    expect(errorAt(html, 'ev-expert-score-opinion')).toBe('“评审意见”至少 2 个字');
    const flash = /id="flash"[^>]*data-kind="error">([^<]*)</.exec(html)![1]!;
    expect(flash).not.toMatch(/[A-Za-z]/); // plain Chinese: no key, no English, no zod
  });
});
