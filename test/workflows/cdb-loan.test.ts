// A CDB loan through every turn (政策 六.二), amounts checked at every step: committee sees the
// proposal; committed ≤ approved ≤ applied; conditions precedent before drawdowns; partial
// cancellation; lapse at the end of the availability period; interest at the contract rate on
// what is outstanding; overdue → default → restructuring → early repayment in full; and the
// other ends (recovery, write-off, cancelled or lapsed unused).
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { cdbInfraLoan as cdb } from '../../workflows/cdb-infra-loan';
import { stateKey } from '../../workflows/define-workflow';
import type { WorkflowEvent } from '../../workflows/types';
import { actor, event, run, send, start, step } from './harness';

const T0 = '2026-03-01T08:00:00.000Z';
const liaison = (id: number) => actor(cdb, 'liaison', id);
type Ctx = Record<string, any>;
const ctx = (s: AnyMachineSnapshot) => s.context as Ctx;
const outstanding = (s: AnyMachineSnapshot) => ctx(s).drawn - ctx(s).repaid;

function ev(s: AnyMachineSnapshot, type: string, data: Record<string, unknown>, who = 40, now = T0): WorkflowEvent {
  return event(cdb, s, type, { actor: type.startsWith('system.') ? actor(cdb, 'system') : liaison(who), data, facts: { now } });
}
/** Accepts or fails with the refusal; returns the next snapshot. */
function ok(s: AnyMachineSnapshot, e: WorkflowEvent): AnyMachineSnapshot {
  const { refusal, next } = step(cdb, s, e);
  expect(refusal).toBeNull();
  return next;
}
const refused = (s: AnyMachineSnapshot, e: WorkflowEvent) => step(cdb, s, e).refusal;
/** Every amount of the loan stays within its bounds. */
function sane(s: AnyMachineSnapshot) {
  const c = ctx(s);
  expect(c.drawn).toBeLessThanOrEqual(c.committedAmount ?? 0);
  expect(c.repaid).toBeLessThanOrEqual(c.drawn);
  expect(c.interestPaid).toBeLessThanOrEqual(c.interestAccrued);
  expect(c.committedAmount ?? 0).toBeLessThanOrEqual(c.approvedAmount ?? Infinity);
  if (c.approvedAmount !== null) expect(c.approvedAmount).toBeLessThanOrEqual(c.requestedAmount);
  for (const v of [c.drawn, c.repaid, c.cancelled, c.interestPaid, outstanding(s)]) expect(v).toBeGreaterThanOrEqual(0);
}

/** Submitted, recommended, proposed 280M, approved 250M, contract 200M at 5%, drawable for 180 days. */
function contracted(): AnyMachineSnapshot {
  let s = run(cdb, ['applicant.submit', 'officer.recommend-locally']);
  expect(refused(s, ev(s, 'liaison.submit-to-committee', { proposedAmount: 300_000_001, report: '尽调' }))).toMatchObject({ field: 'proposedAmount' });
  s = ok(s, ev(s, 'liaison.submit-to-committee', { proposedAmount: 280_000_000, report: '现金流可覆盖本息' }));
  expect(ctx(s).proposal).toMatchObject({ amount: 280_000_000, report: '现金流可覆盖本息', by: 40 });
  expect(refused(s, ev(s, 'liaison.committee-approve', { approvedAmount: 250_000_000, conditions: '' }, 40))?.en).toMatch(/Four eyes/);
  expect(refused(s, ev(s, 'liaison.committee-approve', { approvedAmount: 300_000_001, conditions: '' }, 41))).toMatchObject({ field: 'approvedAmount' });
  const approve = ev(s, 'liaison.committee-approve', { approvedAmount: 250_000_000, conditions: '资本金到位' }, 41);
  const approved = ok(s, approve);
  expect(cdb.decision(s, approved, approve)).toMatchObject({ outcome: 'loan-committed', amount: 250_000_000, reasons: expect.stringContaining('280,000,000') });
  s = approved;
  const terms = { contractNo: 'CDB-2026-0007', interestRate: 0.05, availableUntil: '2026-08-28', schedule: [
    { dueDate: '2027-03-01', amount: 50_000_000 }, { dueDate: '2028-03-01', amount: 50_000_000 },
    { dueDate: '2029-03-01', amount: 50_000_000 }, { dueDate: '2030-03-01', amount: 50_000_000 }] };
  expect(refused(s, ev(s, 'liaison.sign-contract', { ...terms, amount: 250_000_001 }))).toMatchObject({ field: 'amount' });
  expect(refused(s, ev(s, 'liaison.sign-contract', { ...terms, amount: 200_000_000, availableUntil: '2027-06-01' }))).toMatchObject({ field: 'availableUntil' });
  expect(refused(s, ev(s, 'liaison.sign-contract', { ...terms, amount: 210_000_000 }))).toMatchObject({ field: 'schedule' });
  s = ok(s, ev(s, 'liaison.sign-contract', { ...terms, amount: 200_000_000 }));
  expect(stateKey(s)).toBe('active');
  expect(ctx(s)).toMatchObject({ committedAmount: 200_000_000, contractAmount: 200_000_000, approvedAmount: 250_000_000, drawn: 0 });
  sane(s);
  return s;
}

const conditions = { ownCapitalInPlace: true, securityRegistered: true, note: '验资报告、抵押登记证明' };

describe('cdb-infra-loan, a full life', () => {
  it('draws part, cancels part on request, lapses the rest, charges interest on the outstanding, defaults, is restructured and repaid early in full', () => {
    let s = contracted();
    // Conditions precedent before any drawdown.
    expect(refused(s, ev(s, 'liaison.drawdown', { amount: 1 }))?.en).toMatch(/conditions precedent/);
    expect(refused(s, ev(s, 'liaison.record-conditions', { ...conditions, securityRegistered: false }))).toMatchObject({ field: 'securityRegistered' });
    s = ok(s, ev(s, 'liaison.record-conditions', conditions));
    s = ok(s, ev(s, 'liaison.drawdown', { amount: 120_000_000 }));
    expect(refused(s, ev(s, 'liaison.drawdown', { amount: 80_000_001 }))).toMatchObject({ field: 'amount', en: expect.stringMatching(/CNY 80,000,000/) });
    sane(s);

    // The borrower asks to cancel 50M of the undrawn 80M: prepared by one liaison, signed by another.
    expect(refused(s, ev(s, 'liaison.prepare-cancellation', { requestedBy: 'borrower', amount: 80_000_001, reason: '调减投资' }))).toMatchObject({ field: 'amount' });
    s = ok(s, ev(s, 'liaison.prepare-cancellation', { requestedBy: 'borrower', amount: 50_000_000, reason: '调减投资' }, 40));
    expect(refused(s, ev(s, 'liaison.sign-decision', {}, 40))?.en).toMatch(/Four eyes/);
    const sign = ev(s, 'liaison.sign-decision', {}, 41);
    const cancelled = ok(s, sign);
    expect(cdb.decision(s, cancelled, sign)).toMatchObject({ outcome: 'commitment-cancelled', amount: 50_000_000, preparedBy: 40, reasons: expect.stringContaining('borrower') });
    s = cancelled;
    expect(ctx(s)).toMatchObject({ committedAmount: 150_000_000, cancelled: 50_000_000, pending: null });
    expect(ctx(s).schedule.reduce((t: number, i: { amount: number }) => t + i.amount, 0)).toBe(150_000_000);
    sane(s);

    // The availability period ends on 2026-08-28: the scheduler lapses the undrawn 30M.
    expect(cdb.nextDueAt(s)).toBe('2026-08-29T00:00:00.000Z');
    expect(refused(s, ev(s, 'liaison.drawdown', { amount: 1 }, 40, '2026-08-29T00:00:00.000Z'))?.en).toMatch(/availability period ended/);
    s = ok(s, ev(s, 'system.availability-ended', {}, 0, '2026-08-29T00:00:00.000Z'));
    expect(stateKey(s)).toBe('active');
    expect(ctx(s)).toMatchObject({ committedAmount: 120_000_000, cancelled: 80_000_000, drawn: 120_000_000 });
    expect(ctx(s).schedule.map((i: { amount: number }) => i.amount)).toEqual([30_000_000, 30_000_000, 30_000_000, 30_000_000]);
    sane(s);

    // First instalment on time, with a year's interest at 5% on 120M.
    const y1 = '2027-03-01T08:00:00.000Z';
    expect(refused(s, ev(s, 'liaison.record-repayment', { amount: 30_000_000, interest: 6_000_001 }, 40, y1))).toMatchObject({ field: 'interest' });
    expect(refused(s, ev(s, 'liaison.record-repayment', { amount: 120_000_001, interest: 0 }, 40, y1))).toMatchObject({ field: 'amount' });
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 30_000_000, interest: 6_000_000 }, 40, y1));
    expect(ctx(s)).toMatchObject({ repaid: 30_000_000, interestPaid: 6_000_000, interestAccrued: 6_000_000 });
    expect(outstanding(s)).toBe(90_000_000);
    sane(s);

    // The second instalment is missed: overdue the day after, by the scheduler.
    expect(cdb.nextDueAt(s)).toBe('2028-03-02T00:00:00.000Z');
    s = ok(s, ev(s, 'system.repayment-overdue', {}, 0, '2028-03-02T00:00:00.000Z'));
    expect(stateKey(s)).toBe('overdue');
    const later = '2028-06-01T08:00:00.000Z';
    const due = Math.round(90_000_000 * 0.05 * (Date.parse(later) - Date.parse(y1)) / 86_400_000 / 365);
    // Default by decision, with its contractual basis, four eyes.
    s = ok(s, ev(s, 'liaison.prepare-default', { reason: '逾期超过 90 天', basis: '借款合同第十二条' }, 41, later));
    expect(refused(s, ev(s, 'liaison.prepare-default', { reason: '再次', basis: '第十二条' }, 42, later))?.en).toMatch(/awaits signature/);
    const declare = ev(s, 'liaison.sign-decision', {}, 42, later);
    const defaulted = ok(s, declare);
    expect(cdb.decision(s, defaulted, declare)).toMatchObject({ outcome: 'default-declared', amount: 90_000_000, reasons: expect.stringContaining('借款合同第十二条') });
    s = defaulted;
    expect(stateKey(s)).toBe('defaulted');
    expect(cdb.isFinal(s)).toBe(false);

    // Restructuring: a new schedule of exactly the outstanding 90M, in the future.
    const bad = [{ dueDate: '2029-06-01', amount: 80_000_000 }];
    expect(refused(s, ev(s, 'liaison.prepare-restructuring', { reason: '经营恢复', basis: '第十五条', schedule: bad }, 40, later))).toMatchObject({ field: 'schedule' });
    const schedule = [{ dueDate: '2029-06-01', amount: 45_000_000 }, { dueDate: '2030-06-01', amount: 45_000_000 }];
    s = ok(s, ev(s, 'liaison.prepare-restructuring', { reason: '经营恢复', basis: '第十五条', schedule }, 40, later));
    const restructure = ev(s, 'liaison.sign-decision', {}, 41, later);
    const restructured = ok(s, restructure);
    expect(cdb.decision(s, restructured, restructure)).toMatchObject({ outcome: 'loan-restructured', amount: 90_000_000 });
    s = restructured;
    expect(stateKey(s)).toBe('active');
    expect(ctx(s)).toMatchObject({ restructured: 1, scheduleBase: 30_000_000 });
    expect(cdb.nextDueAt(s)).toBe('2029-06-02T00:00:00.000Z');

    // Early partial repayment, then early repayment in full settles.
    const early = '2028-09-01T08:00:00.000Z';
    const interest1 = Math.round(90_000_000 * 0.05 * (Date.parse(early) - Date.parse(y1)) / 86_400_000 / 365);
    expect(interest1).toBeGreaterThan(due);
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 10_000_000, interest: interest1 }, 40, early));
    expect(stateKey(s)).toBe('active');
    expect(outstanding(s)).toBe(80_000_000);
    const end = '2028-12-01T08:00:00.000Z';
    const interest2 = Math.round(80_000_000 * 0.05 * (Date.parse(end) - Date.parse(early)) / 86_400_000 / 365);
    expect(refused(s, ev(s, 'liaison.record-repayment', { amount: 80_000_000, interest: interest2 + 1 }, 40, end))).toMatchObject({ field: 'interest' });
    const partInterest = ok(s, ev(s, 'liaison.record-repayment', { amount: 80_000_000, interest: interest2 - 1 }, 40, end));
    expect(stateKey(partInterest)).toBe('active'); // one yuan of interest still owed
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 80_000_000, interest: interest2 }, 40, end));
    expect(stateKey(s)).toBe('settled');
    expect(cdb.isFinal(s)).toBe(true);
    expect(ctx(s)).toMatchObject({ drawn: 120_000_000, repaid: 120_000_000, interestPaid: 6_000_000 + interest1 + interest2 });
    sane(s);
  });

  it('ends in recovery, or in a write-off of what is owed, each by a signed decision', () => {
    let s = contracted();
    s = ok(s, ev(s, 'liaison.record-conditions', conditions));
    s = ok(s, ev(s, 'liaison.drawdown', { amount: 200_000_000 }));
    expect(cdb.nextDueAt(s)).toBe('2027-03-02T00:00:00.000Z'); // fully drawn: no lapse to wait for
    s = ok(s, ev(s, 'system.repayment-overdue', {}, 0, '2027-03-02T00:00:00.000Z'));
    const t = '2027-03-02T00:00:00.000Z';
    s = ok(s, ev(s, 'liaison.prepare-default', { reason: '逾期', basis: '第十二条' }, 40, t));
    s = ok(s, ev(s, 'liaison.sign-decision', {}, 41, t));
    s = ok(s, ev(s, 'liaison.prepare-recovery', { reason: '处置抵押物', basis: '抵押合同第八条' }, 40, t));
    const startRecovery = ev(s, 'liaison.sign-decision', {}, 41, t);
    const recovering = ok(s, startRecovery);
    expect(cdb.decision(s, recovering, startRecovery)).toMatchObject({ outcome: 'recovery-started' });
    s = recovering;
    const owed = 200_000_000 + Math.round(200_000_000 * 0.05 * (Date.parse(t) - Date.parse(T0)) / 86_400_000 / 365);
    expect(refused(s, ev(s, 'liaison.record-recovery', { amount: owed + 1, source: '拍卖' }, 40, t))).toMatchObject({ field: 'amount' });
    const all = ok(s, ev(s, 'liaison.record-recovery', { amount: owed, source: '拍卖' }, 40, t));
    expect(stateKey(all)).toBe('recovered');
    expect(ctx(all)).toMatchObject({ repaid: 200_000_000, recovered: owed });
    s = ok(s, ev(s, 'liaison.record-recovery', { amount: 150_000_000, source: '拍卖' }, 40, t));
    expect(stateKey(s)).toBe('recovery');
    expect(ctx(s).interestPaid).toBe(owed - 200_000_000); // interest first
    s = ok(s, ev(s, 'liaison.prepare-write-off', { reason: '追偿无果', basis: '核销办法' }, 40, t));
    const writeOff = ev(s, 'liaison.sign-decision', {}, 41, t);
    const written = ok(s, writeOff);
    expect(stateKey(written)).toBe('writtenOff');
    expect(ctx(written).writtenOff).toBe(owed - 150_000_000);
    expect(cdb.decision(s, written, writeOff)).toMatchObject({ outcome: 'loan-written-off', amount: owed - 150_000_000 });
    // What the statistics count of it: drawn, still owed (in default), written off, recovered.
    const principal = 200_000_000 - ctx(written).repaid;
    expect(principal).toBeGreaterThan(50_000_000);
    expect(cdb.figures(ctx(written) as never)).toMatchObject({ committed: 200_000_000, drawn: 200_000_000, outstanding: principal, defaulted: principal,
      writtenOff: owed - 150_000_000, recovered: 150_000_000 });
    expect(cdb.figures(ctx(all) as never)).toMatchObject({ drawn: 200_000_000, outstanding: null, defaulted: null, recovered: owed });
  });

  it('ends unused: cancelled in full by the bank before any drawdown, or lapsed at the end of the availability period', () => {
    let s = contracted();
    s = ok(s, ev(s, 'liaison.prepare-cancellation', { requestedBy: 'bank', amount: 200_000_000, reason: '项目停建' }, 40));
    const c = ok(s, ev(s, 'liaison.sign-decision', {}, 42));
    expect(stateKey(c)).toBe('cancelled');
    expect(ctx(c)).toMatchObject({ committedAmount: 0, cancelled: 200_000_000, schedule: [] });
    // Returning the prepared decision drops it instead.
    const back = ok(s, ev(s, 'liaison.return-decision', { reason: '借款人未书面申请' }, 41));
    expect(ctx(back).pending).toBeNull();
    const lapse = cdb.dueEvent(back, '2026-08-29T00:00:00.000Z');
    expect(lapse).toEqual({ type: 'system.availability-ended', data: {} });
    expect(stateKey(ok(back, ev(back, 'system.availability-ended', {}, 0, '2026-08-29T00:00:00.000Z')))).toBe('lapsed');
  });

  it('confirms settlement of a loan repaid in full early while some commitment was undrawn', () => {
    let s = contracted();
    s = ok(s, ev(s, 'liaison.record-conditions', conditions));
    s = ok(s, ev(s, 'liaison.drawdown', { amount: 50_000_000 }));
    expect(refused(s, ev(s, 'liaison.confirm-settlement', {}))?.en).toMatch(/still owed/);
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 50_000_000, interest: 0 }));
    expect(stateKey(s)).toBe('active'); // 150M still undrawn
    s = ok(s, ev(s, 'liaison.confirm-settlement', {}));
    expect(stateKey(s)).toBe('settled');
    expect(ctx(s)).toMatchObject({ committedAmount: 50_000_000, cancelled: 150_000_000 });
  });
});

describe('cdb-infra-loan screening', () => {
  it('screens 两高一资 and the EIA at the local recommendation', () => {
    const s = run(cdb, ['applicant.submit'], start(cdb, { ...cdb.formExample, industry: 'cement-clinker' }));
    expect(step(cdb, s, event(cdb, s, 'officer.recommend-locally')).refusal?.en).toMatch(/一\.\(二\).*Cement clinker/);
    const good = run(cdb, ['applicant.submit']);
    const noEia = event(cdb, good, 'officer.recommend-locally', { facts: { documentKinds: ['business-licence', 'project-plan', 'financial-statements'] } });
    expect(step(cdb, good, noEia).refusal?.en).toMatch(/EIA/);
  });

  it('refuses a repayment schedule in the past', () => {
    const s = run(cdb, ['applicant.submit', 'officer.recommend-locally', 'liaison.submit-to-committee', 'liaison.committee-approve']);
    const good = cdb.example(s, 'liaison.sign-contract', liaison(40)) as { schedule: { dueDate: string; amount: number }[] };
    const past = { ...good, schedule: [{ ...good.schedule[0], dueDate: '2020-01-01' }, ...good.schedule.slice(1)] };
    expect(step(cdb, s, event(cdb, s, 'liaison.sign-contract', { data: past })).refusal?.en).toMatch(/future/);
    expect(stateKey(send(cdb, s, 'liaison.sign-contract'))).toBe('active');
  });
});
