// CDB loans and EXIM order financing: screening, four-eyes credit decisions, drawdown
// ceilings, repayment schedules and overdue monitoring.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { cdbInfraLoan as cdb } from '../../workflows/cdb-infra-loan';
import { stateKey } from '../../workflows/define-workflow';
import { eximOrderFinance as exim } from '../../workflows/exim-order-finance';
import { actor, event, run, send, start, step } from './harness';

const ctx = (s: AnyMachineSnapshot) => s.context;
const toCommittee = ['applicant.submit', 'officer.recommend-locally', 'liaison.submit-to-committee'];
const toActive = [...toCommittee, 'liaison.committee-approve', 'liaison.sign-contract'];

describe('cdb-infra-loan', () => {
  it('screens 两高一资 and the EIA at the local recommendation', () => {
    const s = run(cdb, ['applicant.submit'], start(cdb, { ...cdb.formExample, industry: 'cement-clinker' }));
    expect(step(cdb, s, event(cdb, s, 'officer.recommend-locally')).refusal?.en).toMatch(/二\.二.*Cement clinker/);
    const ok = run(cdb, ['applicant.submit']);
    const noEia = event(cdb, ok, 'officer.recommend-locally', { facts: { documentKinds: ['business-licence', 'project-plan', 'financial-statements'] } });
    expect(step(cdb, ok, noEia).refusal?.en).toMatch(/EIA/);
    const decline = event(cdb, s, 'officer.decline');
    expect(cdb.decision(s, step(cdb, s, decline).next, decline)).toMatchObject({ outcome: 'not-recommended', section: '二.二' });
  });

  it('needs a different liaison to approve in committee than the one who submitted, within the request', () => {
    const s = run(cdb, toCommittee);
    const preparer = ctx(s).preparedBy[0];
    const self = event(cdb, s, 'liaison.committee-approve', { actor: actor(cdb, 'liaison', preparer) });
    expect(step(cdb, s, self).refusal?.en).toMatch(/Four eyes/);
    const selfDecline = event(cdb, s, 'liaison.committee-decline', { actor: actor(cdb, 'liaison', preparer) });
    expect(step(cdb, s, selfDecline).refusal?.en).toMatch(/Four eyes/);
    const other = actor(cdb, 'liaison', 41);
    const tooMuch = event(cdb, s, 'liaison.committee-approve', { actor: other, data: { committedAmount: ctx(s).requestedAmount + 1, conditions: '' } });
    expect(step(cdb, s, tooMuch).refusal?.en).toMatch(/may not exceed the request/);
    const approve = event(cdb, s, 'liaison.committee-approve', { actor: other, data: { committedAmount: 250_000_000, conditions: '资本金先到位' } });
    const next = step(cdb, s, approve).next;
    expect(cdb.decision(s, next, approve)).toMatchObject({ outcome: 'loan-committed', amount: 250_000_000, section: '六.二' });
  });

  it('never draws more than committed and settles only when all is drawn and repaid', () => {
    let s = run(cdb, toActive);
    expect(stateKey(s)).toBe('active');
    const committed = ctx(s).committedAmount as number;
    expect(step(cdb, s, event(cdb, s, 'liaison.drawdown', { data: { amount: committed + 1 } })).refusal?.en).toMatch(/exceeds what remains/);
    s = step(cdb, s, event(cdb, s, 'liaison.drawdown', { data: { amount: committed - 1 } })).next;
    expect(step(cdb, s, event(cdb, s, 'liaison.drawdown', { data: { amount: 2 } })).refusal?.en).toMatch(/exceeds what remains \(CNY 1\)/);
    expect(step(cdb, s, event(cdb, s, 'liaison.record-repayment', { data: { amount: committed } })).refusal?.en).toMatch(/exceeds what remains/);
    // Repaying all that was drawn does not settle while 1 yuan is undrawn.
    const repaidAll = step(cdb, s, event(cdb, s, 'liaison.record-repayment', { data: { amount: committed - 1 } })).next;
    expect(stateKey(repaidAll)).toBe('active');
    s = send(cdb, s, 'liaison.drawdown');
    const settle = event(cdb, s, 'liaison.record-repayment', { data: { amount: committed } });
    expect(stateKey(step(cdb, s, settle).next)).toBe('settled');
  });

  it('falls overdue when an instalment date passes unpaid, and a catch-up payment cures it', () => {
    let s = run(cdb, toActive);
    expect(cdb.nextDueAt(s)).toBeNull(); // nothing drawn, nothing can be overdue
    s = send(cdb, send(cdb, s, 'liaison.drawdown'), 'liaison.drawdown');
    const first = ctx(s).schedule[0];
    const due = cdb.nextDueAt(s)!;
    expect(due.slice(0, 10) > first.dueDate).toBe(true);
    expect(cdb.dueEvent(s, `${first.dueDate}T23:59:59.000Z`)).toBeNull();
    expect(cdb.dueEvent(s, due)).toEqual({ type: 'system.repayment-overdue', data: {} });
    const early = event(cdb, s, 'system.repayment-overdue', { facts: { now: `${first.dueDate}T12:00:00.000Z` } });
    expect(step(cdb, s, early).refusal?.en).toMatch(/No instalment is past due/);
    // Paying the first instalment on time moves the next due date on by a year.
    const onTime = step(cdb, s, event(cdb, s, 'liaison.record-repayment', { data: { amount: first.amount } })).next;
    expect(cdb.nextDueAt(onTime)! > due).toBe(true);
    s = send(cdb, s, 'system.repayment-overdue');
    expect(stateKey(s)).toBe('overdue');
    expect(cdb.nextDueAt(s)).toBeNull();
    const partial = step(cdb, s, event(cdb, s, 'liaison.record-repayment', { data: { amount: 1 } })).next;
    expect(stateKey(partial)).toBe('overdue');
    expect(stateKey(step(cdb, s, event(cdb, s, 'liaison.record-repayment', { data: { amount: first.amount } })).next)).toBe('active');
    const defaulted = event(cdb, s, 'liaison.declare-default');
    expect(cdb.decision(s, step(cdb, s, defaulted).next, defaulted)).toMatchObject({ outcome: 'default-declared' });
  });

  it('refuses a repayment schedule that does not add up or lies in the past', () => {
    const s = run(cdb, toActive.slice(0, -1));
    const good = cdb.example(s, 'liaison.sign-contract', actor(cdb, 'liaison')) as { contractNo: string; schedule: { dueDate: string; amount: number }[] };
    const short = { ...good, schedule: good.schedule.slice(1) };
    expect(step(cdb, s, event(cdb, s, 'liaison.sign-contract', { data: short })).refusal?.en).toMatch(/add up/);
    const past = { ...good, schedule: [{ ...good.schedule[0], dueDate: '2020-01-01' }, ...good.schedule.slice(1)] };
    expect(step(cdb, s, event(cdb, s, 'liaison.sign-contract', { data: past })).refusal?.en).toMatch(/future/);
  });
});

describe('exim-order-finance', () => {
  const toApproval = ['applicant.submit', 'liaison.verify-order'];

  it('refuses a 两高一资 product at order verification', () => {
    const form = { ...exim.formExample, products: [{ hsCode: '2704.00', description: '焦炭 / Coke' }] };
    const s = run(exim, ['applicant.submit'], start(exim, form));
    expect(step(exim, s, event(exim, s, 'liaison.verify-order')).refusal?.en).toMatch(/Coke and semi-coke/);
  });

  it('caps financing at 80% of the verified order, with four eyes against the verifier', () => {
    const s = run(exim, toApproval);
    const verifier = ctx(s).preparedBy[0];
    const ex = exim.example(s, 'liaison.approve-financing', actor(exim, 'liaison', 41));
    expect(step(exim, s, event(exim, s, 'liaison.approve-financing', { actor: actor(exim, 'liaison', verifier), data: ex })).refusal?.en).toMatch(/Four eyes/);
    const cap = Math.min(ctx(s).requestedAmount, Math.floor(ctx(s).verifiedOrderValue * 0.8));
    const over = event(exim, s, 'liaison.approve-financing', { actor: actor(exim, 'liaison', 41), data: { ...ex, amount: cap + 1 } });
    expect(step(exim, s, over).refusal?.en).toMatch(/80% of the verified order/);
    const lowVerified = step(exim, run(exim, ['applicant.submit']), event(exim, run(exim, ['applicant.submit']), 'liaison.verify-order', { data: { verifiedOrderValueCny: 5_000_000, note: '部分订单已撤销' } })).next;
    const lowEx = exim.example(lowVerified, 'liaison.approve-financing', actor(exim, 'liaison', 41));
    expect(lowEx.amount).toBe(4_000_000);
  });

  it('disburses once, is repaid from receivables, and can fall overdue', () => {
    let s = run(exim, [...toApproval, 'liaison.approve-financing']);
    const approved = event(exim, s, 'liaison.disburse', { data: { amount: ctx(s).committedAmount + 1 } });
    expect(step(exim, s, approved).refusal?.en).toMatch(/exceeds what remains/);
    s = send(exim, s, 'liaison.disburse');
    expect(stateKey(s)).toBe('outstanding');
    expect(exim.nextDueAt(s)!.slice(0, 10) > ctx(s).repaymentDueDate).toBe(true);
    const overdue = send(exim, s, 'system.repayment-overdue');
    expect(stateKey(overdue)).toBe('overdue');
    expect(stateKey(send(exim, overdue, 'liaison.record-repayment'))).toBe('settled');
  });

  it('issues financing decisions', () => {
    const s = run(exim, toApproval);
    const approve = event(exim, s, 'liaison.approve-financing', { actor: actor(exim, 'liaison', 41) });
    expect(exim.decision(s, step(exim, s, approve).next, approve)).toMatchObject({ outcome: 'financing-approved', section: '六.二' });
    const decline = event(exim, s, 'liaison.decline-financing', { actor: actor(exim, 'liaison', 41) });
    expect(exim.decision(s, step(exim, s, decline).next, decline)).toMatchObject({ outcome: 'financing-declined', amount: null });
  });
});
