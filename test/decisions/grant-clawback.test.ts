// A grant's life after approval through the real engine, pages and API (issue 13): the finance
// side pays (four eyes), the acceptance compares promises with verified figures on the case page
// and in the case file, a clawback decision and a write-off each have their own letter, read back
// as text (issuer, citation, both people, dates in Beijing time, remedies for the clawback).
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { decisions } from '../../src/db/schema/index';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { storedDecisionPdf } from '../../src/domain/decisions/decision-pdf';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { specialFundExample } from '../../workflows/special-fund';
import { apiRequest, apiToken, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { pdfText } from '../pdf/poppler';
import { draftCase, send, userByEmail } from '../engine/drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp({ now: new Date('2026-03-02T15:30:00Z') }); });

const flat = (s: string) => s.replace(/\s+/g, '');
const nameOf = (email: string) => userByEmail(t.deps, email).name;
const TO_APPROVED: [string, string][] = [
  ['ent1@demo.local', 'applicant.submit'], ['officer@demo.local', 'officer.accept'], ['officer@demo.local', 'officer.pass-screening'],
  ['officer@demo.local', 'officer.assign-experts'], ['expert1@demo.local', 'expert.score'], ['expert2@demo.local', 'expert.score'],
  ['officer@demo.local', 'officer.recommend'],
];

function approvedGrant() {
  const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund'); // project in 重庆
  for (const [email, type] of TO_APPROVED) send(t.deps, email, c.id, type);
  t.clock.advance(8 * 86_400_000);
  runScheduler(t.deps);
  send(t.deps, 'approver@demo.local', c.id, 'approver.approve');
  return c.id;
}

async function event(id: number, email: string, type: string, data: Record<string, unknown>) {
  const token = await apiToken(t.app, email);
  return apiRequest(t.app, 'POST', `/api/v1/cases/${id}/events`, { type, version: getCaseRow(t.deps, id)!.version, data }, token);
}

async function letters(id: number) {
  await renderPendingDecisions(t.deps);
  const all = t.deps.db.select().from(decisions).where(eq(decisions.caseId, id)).all();
  return Promise.all(all.map(async (d) => ({ d, text: pdfText((await storedDecisionPdf(t.deps, d.id)).pdf) })));
}

describe('a grant after approval', () => {
  it('is paid by the finance side: one prepares, another releases; officers and auditors pay nothing', async () => {
    const id = approvedGrant();
    const ceiling = Math.floor(specialFundExample.requestedAmount * 0.8);
    expect((await event(id, 'officer@demo.local', 'finance.prepare-payment', { amount: 1000 })).status).toBe(403);
    expect((await event(id, 'auditor@demo.local', 'finance.prepare-payment', { amount: 1000 })).status).toBe(403);
    expect((await event(id, 'finance@demo.local', 'finance.prepare-payment', { amount: ceiling + 1 })).status).toBe(422);
    expect((await event(id, 'finance@demo.local', 'finance.prepare-payment', { amount: ceiling })).status).toBe(200);
    const self = await event(id, 'finance@demo.local', 'finance.release-payment', { amount: ceiling });
    expect(self.status).toBe(422);
    expect(JSON.stringify(await self.json())).toContain('四眼原则');
    const released = await event(id, 'finance2@demo.local', 'finance.release-payment', { amount: ceiling });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ state: 'implementation', closed: false });
    const page = await (await get(t.app, `/workbench/cases/${id}`, (await login(t.app, 'officer@demo.local')).cookie)).text();
    expect(page).toContain('¥960,000');
  });

  it('records the acceptance comparison on the case page and in the case file, then claws back with its own letter, repayment and write-off', async () => {
    const id = approvedGrant();
    send(t.deps, 'finance@demo.local', id, 'finance.prepare-payment', { amount: 960_000 });
    send(t.deps, 'finance2@demo.local', id, 'finance.release-payment', { amount: 960_000 });
    send(t.deps, 'officer@demo.local', id, 'officer.propose-acceptance', { jobsConfirmed: 120, traineesVerified: 1_500, investmentVerified: 1_250_000, report: '绩效目标大部分未完成' });
    send(t.deps, 'approver@demo.local', id, 'approver.fail-acceptance', { reason: '新增就业和培训人数均未达到承诺的一半' });

    const officer = await login(t.app, 'officer@demo.local');
    const page = await (await get(t.app, `/workbench/cases/${id}`, officer.cookie)).text();
    expect(page).toContain('新增就业：承诺与核实');
    expect(page).toContain('承诺 300 个，核实 120 个，完成 40%');
    expect(page).toContain('承诺 3,000 人，核实 1,500 人，完成 50%');
    expect(page).toContain('承诺 4,000,000 元，核实 1,250,000 元，完成 31.3%');
    const facts = page.slice(page.indexOf('id="h-facts"'), page.indexOf('</section>', page.indexOf('id="h-facts"')));
    for (const key of ['jobsConfirmed', 'investmentVerified', 'traineesVerified', 'jobsPromised', 'performance-']) expect(facts).not.toContain(key);

    // The clawback: proposed by the officer, signed at 17:30 UTC (01:30 the next day in Beijing) by the approver.
    send(t.deps, 'officer@demo.local', id, 'officer.propose-clawback', { amount: 600_000, reason: '绩效目标未完成', basis: '资金拨付协议第八条' });
    expect((await event(id, 'officer@demo.local', 'approver.sign-clawback', {})).status).toBe(403);
    t.clock.set(new Date('2026-03-20T17:30:00Z'));
    send(t.deps, 'approver@demo.local', id, 'approver.sign-clawback', {});
    const clawback = (await letters(id)).find((l) => l.d.outcome === 'clawback-ordered')!;
    const f = flat(clawback.text);
    expect(clawback.d.amount).toBe(600_000);
    expect(f).toContain('追回财政资金决定');
    expect(f).toContain('重庆市商务委员会');
    expect(f).toContain('（商产发〔2011〕473号）第六部分第（一）项');
    expect(f).toContain('验收未通过/Acceptancefailed：绩效目标未完成');
    expect(f).toContain('依据/Basis：资金拨付协议第八条');
    expect(f).toContain('¥600,000.00');
    expect(f).toContain('请于2026年4月20日前将上述资金退回');
    expect(f).toContain('六十日内向重庆市人民政府申请行政复议');
    expect(f).toContain('六个月内向重庆市渝中区人民法院提起行政诉讼');
    expect(clawback.text).toContain(`审批人 ${nameOf('approver@demo.local')}`);
    expect(clawback.text).toContain(`Prepared by: ${nameOf('officer@demo.local')}`);
    expect(clawback.text).toContain('2026年3月21日 (2026-03-21)');

    // Repayments by the finance side never exceed what is owed; the rest is written off by a second decision.
    expect((await event(id, 'finance@demo.local', 'finance.record-repayment', { amount: 600_001 })).status).toBe(422);
    send(t.deps, 'finance@demo.local', id, 'finance.record-repayment', { amount: 200_000 });
    t.clock.set(new Date('2026-04-21T00:00:00Z'));
    runScheduler(t.deps);
    expect(getCaseRow(t.deps, id)!.state).toBe('clawback.overdue');
    send(t.deps, 'officer@demo.local', id, 'officer.propose-write-off', { reason: '企业已破产清算' });
    send(t.deps, 'approver@demo.local', id, 'approver.sign-write-off', {});
    const row = getCaseRow(t.deps, id)!;
    expect([row.state, row.isFinal]).toEqual(['writtenOff', true]);
    expect(JSON.parse(row.figures!)).toMatchObject({ disbursed: 960_000, clawbackDemanded: 600_000, clawedBack: 200_000, clawbackWrittenOff: 400_000 });
    const off = (await letters(id)).find((l) => l.d.outcome === 'clawback-written-off')!;
    expect(off.d.amount).toBe(400_000);
    expect(flat(off.text)).toContain('核销应追回资金决定');
    expect(flat(off.text)).toContain('应追回600,000元，已退回200,000元');
    expect(off.text).toContain(`Prepared by: ${nameOf('officer@demo.local')}`);
    expect(flat(off.text)).not.toContain('行政复议'); // not against the applicant

    // The case file keeps the comparison and the clawback in words.
    const auditor = await login(t.app, 'auditor@demo.local');
    const file = flat(pdfText(Buffer.from(await (await get(t.app, `/audit/cases/${id}/case-file.pdf`, auditor.cookie)).arrayBuffer())));
    expect(file).toContain('新增就业：承诺与核实');
    expect(file).toContain('承诺300个，核实120个，完成40%');
    expect(file).toContain('决定追回');
    expect(file).toContain('¥600,000.00');
    expect(file).toContain('追回财政资金决'); // the title wraps in its column
    expect(file).toContain('应追回金额：¥600,000'); // the history labels each step's own fields
    expect(file).not.toContain('jobsConfirmed');
  });
});
