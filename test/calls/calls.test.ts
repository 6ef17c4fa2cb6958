// 申报指南: grants are applied for only under an open call; its approvals never pass its budget,
// checked in the approval's own transaction; officers draft calls, another person opens them.
import { eq, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, calls, decisions } from '../../src/db/schema/index';
import { proposeCorrection } from '../../src/domain/decisions/propose-correction';
import { signCorrection } from '../../src/domain/decisions/sign-correction';
import { withdrawCorrection } from '../../src/domain/decisions/withdraw-correction';
import { applyEventGrouped } from '../../src/domain/cases/apply-event';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { getCall, openCallOf } from '../../src/domain/calls/calls';
import { closeCall, createCall, openCall } from '../../src/domain/calls/manage-calls';
import { beijingToday } from '../../workflows/display-format';
import { specialFundExample } from '../../workflows/special-fund';
import { draftCase, send, userByEmail } from '../engine/drive';
import { apiRequest, apiToken, formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });
const json = async (r: Response) => (await r.json()) as any;
const u = (email: string) => userByEmail(t.deps, email);
const sfCall = () => openCallOf(t.deps.db, 'special-fund', t.deps.clock.now())!;
const later = (days: number) => beijingToday(new Date(t.deps.clock.now().getTime() + days * 86_400_000));
const setBudget = (budget: number) => t.deps.db.update(calls).set({ budget }).run();

const TO_APPROVAL: [string, string][] = [
  ['officer@demo.local', 'officer.accept'], ['officer@demo.local', 'officer.pass-screening'], ['officer@demo.local', 'officer.assign-experts'],
  ['expert1@demo.local', 'expert.score'], ['expert2@demo.local', 'expert.score'], ['officer@demo.local', 'officer.recommend'],
];
function awaitingApproval(form = specialFundExample) {
  const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund', form);
  send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
  for (const [email, type] of TO_APPROVAL) send(t.deps, email, c.id, type);
  return c.id;
}
const approveReq = (caseId: number, amount: number) =>
  ({ caseId, type: 'approver.approve', data: { amount, conditions: '' }, expectedVersion: getCaseRow(t.deps, caseId)!.version });

describe('applying under a call', () => {
  it('the API picks the programme\'s open call by default and refuses another or none, clearly', async () => {
    const token = await apiToken(t.app, 'ent1@demo.local');
    const made = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: specialFundExample }, token);
    expect(made.status).toBe(201);
    expect(getCaseRow(t.deps, (await json(made)).id)!.callId).toBe(sfCall().id);
    const wrong = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: specialFundExample, callId: 999 }, token);
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error.message).toMatch(/申报指南未开放.*That call is not open/);
    // Programmes without calls are unaffected.
    expect((await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'employment-training-subsidy', form: (await import('../../workflows/employment-training-subsidy')).employmentTrainingSubsidy.formExample }, token)).status).toBe(201);
    closeCall(t.deps, u('officer@demo.local'), sfCall().id);
    const none = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: specialFundExample }, token);
    expect(none.status).toBe(422);
    expect((await json(none)).error.message).toMatch(/没有开放的申报指南.*no open call/);
  });

  it('refuses to submit after the call closes or its deadline passes, and a category the call does not fund at its field', async () => {
    const a = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    const b = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
    t.deps.db.update(calls).set({ categories: JSON.stringify(['public-service-platform']) }).run();
    const token = await apiToken(t.app, 'ent1@demo.local');
    const res = await apiRequest(t.app, 'POST', `/api/v1/cases/${a.id}/events`, { type: 'applicant.submit', version: 1 }, token);
    expect(res.status).toBe(422);
    expect((await json(res)).error.details.fields.category).toMatch(/不支持所选方向.*does not fund the chosen category/);
    t.deps.db.update(calls).set({ categories: JSON.stringify(['skills-training']) }).run();
    t.clock.advance(200 * 86_400_000); // past the demo call's deadline
    expect(() => send(t.deps, 'ent1@demo.local', b.id, 'applicant.submit')).toThrow(/is closed for applications/);
  });

  it('the portal\'s apply button says plainly that no call is open', async () => {
    closeCall(t.deps, u('approver@demo.local'), sfCall().id);
    const s = await login(t.app, 'ent1@demo.local');
    const res = await formPost(t.app, '/programmes/special-fund/apply', {}, { cookie: s.cookie, csrf: s.csrf });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('目前没有开放的申报指南');
  });
});

describe('the budget of a call', () => {
  it('refuses an approval over what is left, at the amount, naming the budget left', async () => {
    const first = awaitingApproval();
    const second = awaitingApproval();
    t.clock.advance(8 * 86_400_000);
    runScheduler(t.deps);
    setBudget(2_000_000);
    await applyEventGrouped(t.deps, u('approver@demo.local'), approveReq(first, 1_200_000));
    expect(getCall(t.deps.db, sfCall().id)!.committed).toBe(1_200_000);
    const token = await apiToken(t.app, 'approver@demo.local');
    // The API's example is accepted if sent now: it offers what is left, not the recommendation.
    const view = await json(await apiRequest(t.app, 'GET', `/api/v1/cases/${second}`, undefined, token));
    expect(view.allowedEvents.find((e: { type: string }) => e.type === 'approver.approve').example.amount).toBe(800_000);
    const row = getCaseRow(t.deps, second)!;
    const res = await apiRequest(t.app, 'POST', `/api/v1/cases/${second}/events`, { type: 'approver.approve', version: row.version, data: { amount: 1_000_000, conditions: '' } }, token);
    expect(res.status).toBe(422);
    expect((await json(res)).error.details.fields.amount).toMatch(/预算余额为 800,000 元.*800,000 yuan of the budget is left/);
    expect(getCaseRow(t.deps, second)!.state).toBe('approval');
    await applyEventGrouped(t.deps, u('approver@demo.local'), approveReq(second, 800_000));
    expect(getCall(t.deps.db, sfCall().id)!.committed).toBe(2_000_000);
  });

  it('two approvals at once cannot both take the same budget left (checked in the commit)', async () => {
    const a = awaitingApproval();
    const b = awaitingApproval();
    t.clock.advance(8 * 86_400_000);
    runScheduler(t.deps);
    setBudget(1_500_000);
    // Both pass every check before the write (each fits alone); the group commit writes them in one transaction.
    const results = await Promise.allSettled([
      applyEventGrouped(t.deps, u('approver@demo.local'), approveReq(a, 1_000_000)),
      applyEventGrouped(t.deps, u('approver@demo.local'), approveReq(b, 1_000_000)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.userMessage)).toMatch(/500,000/);
    expect(getCall(t.deps.db, sfCall().id)!.committed).toBe(1_000_000);
    expect([getCaseRow(t.deps, a)!.state, getCaseRow(t.deps, b)!.state].sort()).toEqual(['approval', 'disbursement']);
  });

  it('a signed correction of an approved amount moves the budget too, and is refused when it would pass it', async () => {
    const c = awaitingApproval();
    t.clock.advance(8 * 86_400_000);
    runScheduler(t.deps);
    setBudget(1_100_000);
    await applyEventGrouped(t.deps, u('approver@demo.local'), approveReq(c, 1_000_000));
    const decisionId = t.deps.db.select().from(decisions).where(eq(decisions.caseId, c)).get()!.id;
    const version = getCaseRow(t.deps, c)!.version;
    const above = proposeCorrection(t.deps, u('officer@demo.local'), decisionId, { reasons: '核实后的金额有误，予以更正', amount: 1_200_000 });
    expect(() => signCorrection(t.deps, u('approver@demo.local'), above.id)).toThrow(/预算余额为 100,000 元/);
    expect(getCall(t.deps.db, sfCall().id)!.committed).toBe(1_000_000);
    expect(getCaseRow(t.deps, c)!.version).toBe(version); // the refused signature wrote nothing
    withdrawCorrection(t.deps, u('officer@demo.local'), above.id);
    const lower = proposeCorrection(t.deps, u('officer@demo.local'), decisionId, { reasons: '核实后的金额有误，予以更正', amount: 900_000 });
    signCorrection(t.deps, u('approver@demo.local'), lower.id);
    expect(getCall(t.deps.db, sfCall().id)!.committed).toBe(900_000);
  });

  it('the desk shows budget used and left on the queue and the case page', async () => {
    const c = awaitingApproval();
    const s = await login(t.app, 'officer@demo.local');
    const queue = await (await get(t.app, '/workbench', s.cookie)).text();
    expect(queue).toMatch(/第1批申报指南[^<]*<\/strong>：预算 ¥30,000,000，已批复 ¥0，余额 <strong>¥30,000,000/);
    const page = await (await get(t.app, `/workbench/cases/${c}`, s.cookie)).text();
    expect(page).toMatch(/余额 <strong>¥30,000,000/);
  });
});

describe('managing calls', () => {
  it('an officer drafts, an approver other than the drafter opens (one open call at a time), either closes; all audited', () => {
    const officer = u('officer@demo.local');
    const approver = u('approver@demo.local');
    const input = { programme: 'special-fund', year: '2026', batch: '2', deadline: later(60), budget: '10000000', categories: ['skills-training'] };
    expect(() => createCall(t.deps, approver, input)).toThrow();
    expect(() => createCall(t.deps, officer, { ...input, categories: ['coking'] })).toThrow(/Choose among the programme's categories/);
    const draft = createCall(t.deps, officer, input);
    expect(draft.status).toBe('draft');
    expect(() => openCall(t.deps, approver, draft.id)).toThrow(/Close .* first/);
    closeCall(t.deps, officer, sfCall().id);
    const opened = openCall(t.deps, approver, draft.id);
    expect(opened).toMatchObject({ status: 'open', openedBy: approver.id, createdBy: officer.id });
    expect(() => createCall(t.deps, u('hr@demo.local'), input)).toThrow();
    const types = t.deps.db.select().from(auditEvents).where(like(auditEvents.type, 'call.%')).all().map((a) => a.type);
    expect(types).toEqual(['call.created', 'call.closed', 'call.opened']);
  });

  it('the calls page: errors at the fields; the approver opens; the HR department has no calls page', async () => {
    const s = await login(t.app, 'officer@demo.local');
    const bad = await formPost(t.app, '/workbench/calls', { programme: 'special-fund', year: '2026', batch: '', deadline: '', budget: '-5' }, { cookie: s.cookie, csrf: s.csrf });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="f-deadline-err">[^<]*申报截止日期/);
    expect(html).toMatch(/id="f-categories-err">/);
    const ok = await formPost(t.app, '/workbench/calls', { programme: 'trade-platform-grant', year: '2026', batch: '2', deadline: later(30), budget: '8000000', categories: 'testing-centre' }, { cookie: s.cookie, csrf: s.csrf });
    expect(ok.status).toBe(200);
    const drafted = t.deps.db.select().from(calls).all().find((c) => c.status === 'draft')!;
    const a = await login(t.app, 'approver@demo.local');
    const refused = await formPost(t.app, `/workbench/calls/${drafted.id}/open`, {}, { cookie: a.cookie, csrf: a.csrf });
    expect(refused.status).toBe(422); // the platform grant's demo call is still open
    const hr = await login(t.app, 'hr@demo.local');
    expect((await get(t.app, '/workbench/calls', hr.cookie)).status).toBe(403);
  });
});
