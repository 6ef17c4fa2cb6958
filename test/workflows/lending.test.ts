// EXIM order financing: screening, four-eyes credit decisions, disbursement ceilings and
// overdue monitoring.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { eximOrderFinance as exim } from '../../workflows/exim-order-finance';
import { actor, event, run, send, start, step } from './harness';

const ctx = (s: AnyMachineSnapshot) => s.context;

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
