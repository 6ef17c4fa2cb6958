// 就业培训补贴 (政策 五.(一)) end to end: the 人社 department's two people review, approve and pay
// on verified trainees; nobody else acts on it; its letters, figures and index come out.
import { beforeAll, describe, expect, it } from 'vitest';
import { cases, decisions } from '../../src/db/schema/index';
import { seedDemoCases } from '../../src/domain/setup/demo-cases';
import { eq } from 'drizzle-orm';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { nationalFigures } from '../../src/domain/stats/location-figures';
import { INDICATORS } from '../../src/domain/stats/evaluation-index';
import { draftCase, send, userByEmail } from '../engine/drive';
import { get, makeTestApp, type TestApp } from '../helpers/index';

const P = 'employment-training-subsidy';
let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });

async function api(email: string, method: string, path: string, body?: unknown) {
  const tok = await t.app.request('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-pass-2026' }) });
  const { token } = (await tok.json()) as { token: string };
  const r = await t.app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}

describe('employment training subsidy', () => {
  it('is listed by the API with its institution, form and documents', async () => {
    const list = await api('ent1@demo.local', 'GET', '/api/v1/programmes');
    expect(list.body).toContainEqual(expect.objectContaining({ code: P, institution: 'HR' }));
    const one = await api('ent1@demo.local', 'GET', `/api/v1/programmes/${P}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body.formSchema.properties)).toEqual(expect.arrayContaining(['traineesPlanned', 'occupation', 'hoursPerTrainee', 'costPerTrainee', 'localStandard']));
    expect(one.body.documents.map((d: any) => d.kind)).toContain('trainee-roster');
  });

  it('refuses a request above trainees × the lower of cost and the local standard', async () => {
    const one = await api('ent1@demo.local', 'GET', `/api/v1/programmes/${P}`);
    const r = await api('ent1@demo.local', 'POST', '/api/v1/cases', { programme: P, form: { ...one.body.example, requestedAmount: 200 * 1_500 + 1 } });
    expect(r.status).toBe(422);
  });

  it('runs review → approval → verified payment → clawback with two different people at each decision', async () => {
    const row = draftCase(t.deps, 'ent1@demo.local', P);
    send(t.deps, 'ent1@demo.local', row.id, 'applicant.submit');
    // Only the 人社 department sees and acts on it: not the commerce department, not a bank.
    expect((await api('officer@demo.local', 'GET', `/api/v1/cases/${row.id}`)).status).toBe(404);
    expect((await api('cdb@demo.local', 'GET', `/api/v1/cases/${row.id}`)).status).toBe(404);
    const seen = await api('hr@demo.local', 'GET', `/api/v1/cases/${row.id}`);
    expect(seen.body.allowedEvents.map((e: any) => e.type)).toContain('officer.accept');
    send(t.deps, 'hr@demo.local', row.id, 'officer.accept');
    send(t.deps, 'hr@demo.local', row.id, 'officer.recommend', { amount: 300_000, note: '符合标准 / Meets the standard' });
    // The approver may not approve more than planned trainees × the lower per-trainee figure (200 × 1,500).
    const hr2 = userByEmail(t.deps, 'hr2@demo.local');
    let cur = getCaseRow(t.deps, row.id)!;
    expect(() => applyEvent(t.deps, hr2, { caseId: row.id, type: 'approver.approve', expectedVersion: cur.version, data: { amount: 300_001, conditions: '' } })).toThrow(/300,000/);
    send(t.deps, 'hr2@demo.local', row.id, 'approver.approve', { amount: 300_000, conditions: '按核实人数拨付 / Per verified trainee' });
    send(t.deps, 'hr@demo.local', row.id, 'officer.verify-completion', { traineesCompleted: 190, traineesCertified: 170, traineesEmployed: 150, report: '核查一致 / Records agree' });
    cur = getCaseRow(t.deps, row.id)!;
    expect(cur.state).toBe('payment');
    // 150 verified × 1,500 = 225,000: more is refused, never above the approval.
    expect(() => applyEvent(t.deps, hr2, { caseId: row.id, type: 'approver.pay', expectedVersion: cur.version, data: { amount: 225_001 } })).toThrow(/225,000/);
    send(t.deps, 'hr2@demo.local', row.id, 'approver.pay', { amount: 225_000 });
    send(t.deps, 'hr@demo.local', row.id, 'officer.report-misuse', { finding: '两名学员未参训 / Two trainees did not attend' });
    send(t.deps, 'hr2@demo.local', row.id, 'approver.order-clawback', { amount: 3_000, reason: '虚报两名学员 / Two trainees overstated' });
    send(t.deps, 'hr@demo.local', row.id, 'officer.record-recovery', { amount: 1_000 });
    send(t.deps, 'hr@demo.local', row.id, 'officer.record-recovery', { amount: 2_000 });
    expect(getCaseRow(t.deps, row.id)!.state).toBe('closed');

    const issued = t.deps.db.select().from(decisions).where(eq(decisions.caseId, row.id)).all();
    expect(issued.map((d) => [d.outcome, d.amount, d.institutionCode])).toEqual([
      ['approved', 300_000, 'HR'], ['subsidy-paid', 225_000, 'HR'], ['clawback-ordered', 3_000, 'HR'],
    ]);
    const hr = userByEmail(t.deps, 'hr@demo.local');
    for (const d of issued) expect([d.preparedBy, d.issuedBy]).toEqual([hr.id, hr2.id]);

    // Its letters render and are served; the API lists them with both people.
    await renderPendingDecisions(t.deps);
    const listed = await api('ent1@demo.local', 'GET', `/api/v1/cases/${row.id}/decisions`);
    expect(listed.body).toHaveLength(3);
    const pdf = await api('hr@demo.local', 'GET', `/api/v1/cases/${row.id}`);
    expect(pdf.status).toBe(200);
    const login = await t.app.request('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ent1@demo.local', password: 'demo-pass-2026' }) });
    const letter = await get(t.app, listed.body[0].pdfUrl, undefined, { authorization: `Bearer ${((await login.json()) as { token: string }).token}` });
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toContain('application/pdf');

    // Statistics: requested, approved, paid and trainees verified; the employment indicator counts them.
    const n = nationalFigures(t.deps.db, {});
    expect(n.figures.traineesVerified.value).toBe(150);
    expect(n.figures.disbursed.value).toBe(225_000);
    expect(n.figures.clawedBack.value).toBe(3_000);
    expect(INDICATORS.find((i) => i.code === 'jobsVerified')!.raw(n)).toBe(150);
    // 3,000 clawed back of 225,000 paid.
    expect(INDICATORS.find((i) => i.code === 'clawbacks')!.raw(n)).toBeCloseTo(100 * 3_000 / 225_000, 10);
  });

  it('has demo cases at review, in training and paid, made by hr and hr2 through the engine', async () => {
    const demo = await makeTestApp();
    seedDemoCases(demo.deps);
    const states = demo.deps.db.select({ state: cases.state }).from(cases).where(eq(cases.programmeCode, P)).all().map((r) => r.state);
    expect(states.sort()).toEqual(['paid', 'review', 'training']);
  });
});
