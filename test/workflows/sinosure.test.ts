// Sinosure credit insurance: underwriting with four eyes, buyer limits, shipments and premium,
// losses, claims within the insured share, recovery.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { sinosureCreditInsurance as sin } from '../../workflows/sinosure-credit-insurance';
import { actor, event, run, send, start, step } from './harness';

const ctx = (s: AnyMachineSnapshot) => s.context;
const toIssuance = ['applicant.submit', 'liaison.start-underwriting', 'liaison.prepare-policy'];
const toPolicy = [...toIssuance, 'liaison.issue-policy'];
const toClaim = [...toPolicy, 'liaison.approve-limit', 'applicant.declare-shipment', 'applicant.notify-loss', 'applicant.file-claim', 'liaison.prepare-claim'];

describe('sinosure-credit-insurance', () => {
  it('refuses 两高一资 at underwriting and an ineligible region', () => {
    const s = run(sin, ['applicant.submit'], start(sin, { ...sin.formExample, industry: 'tanning' }));
    expect(step(sin, s, event(sin, s, 'liaison.start-underwriting')).refusal?.en).toMatch(/Leather tanning/);
    const ok = run(sin, ['applicant.submit']);
    const outside = event(sin, ok, 'liaison.start-underwriting', { facts: { enterprise: { id: 7, province: '浙江', industry: 'electronics', regionEligible: false } } });
    expect(step(sin, ok, outside).refusal?.en).toMatch(/region/);
  });

  it('issues the policy only by an underwriter other than the one who prepared it', () => {
    const s = run(sin, toIssuance);
    expect(stateKey(s)).toBe('underwriting.issuance');
    const preparer = ctx(s).preparedBy[0];
    expect(step(sin, s, event(sin, s, 'liaison.issue-policy', { actor: actor(sin, 'liaison', preparer) })).refusal?.en).toMatch(/Four eyes/);
    const issue = event(sin, s, 'liaison.issue-policy', { actor: actor(sin, 'liaison', 41) });
    const issued = step(sin, s, issue).next;
    expect(stateKey(issued)).toBe('policy.active');
    expect(sin.decision(s, issued, issue)).toMatchObject({ outcome: 'policy-issued', amount: ctx(s).terms.maxLiability, section: '六.二' });
    // The proposal's buyers await their credit limits.
    expect(ctx(issued).limits).toMatchObject([{ id: 1, buyerName: 'Lusitania Telecom SA', status: 'pending' }]);
    expect(sin.waitingOn(issued)).toEqual(['applicant', 'liaison']);
  });

  it('decides credit limits within the request, and covers shipments only within an approved limit', () => {
    let s = run(sin, toPolicy);
    const over = event(sin, s, 'liaison.approve-limit', { data: { requestId: 1, amount: 5_000_001 } });
    expect(step(sin, s, over).refusal?.en).toMatch(/exceeds what remains/);
    expect(step(sin, s, event(sin, s, 'liaison.approve-limit', { data: { requestId: 9, amount: 1 } })).refusal?.en).toMatch(/No pending/);
    const shipEarly = event(sin, s, 'applicant.declare-shipment');
    expect(step(sin, s, shipEarly).refusal?.en).toMatch(/no approved credit limit/);
    const approve = event(sin, s, 'liaison.approve-limit', { data: { requestId: 1, amount: 4_000_000 } });
    const approved = step(sin, s, approve).next;
    expect(sin.decision(s, approved, approve)).toMatchObject({ outcome: 'credit-limit-approved', amount: 4_000_000 });
    s = approved;
    const big = event(sin, s, 'applicant.declare-shipment', { data: { buyerName: 'Lusitania Telecom SA', invoiceNo: 'A1', amount: 4_000_001, shippedOn: '2026-03-01' } });
    expect(step(sin, s, big).refusal?.en).toMatch(/shipment exceeds/);
    s = step(sin, s, event(sin, s, 'applicant.declare-shipment', { data: { buyerName: 'Lusitania Telecom SA', invoiceNo: 'A1', amount: 1_000_000, shippedOn: '2026-03-01' } })).next;
    expect(ctx(s).premiumTotal).toBe(4_000); // 1,000,000 × 0.004
    s = send(sin, s, 'applicant.request-limit');
    const again = { buyerName: ctx(s).limits[1].buyerName, country: 'DE', amount: 1 };
    expect(step(sin, s, event(sin, s, 'applicant.request-limit', { data: again })).refusal?.en).toMatch(/already has a pending/);
    const refuse = event(sin, s, 'liaison.refuse-limit', { data: { requestId: 2, reason: '资信不足' } });
    expect(sin.decision(s, step(sin, s, refuse).next, refuse)).toMatchObject({ outcome: 'credit-limit-refused', reasons: '资信不足' });
  });

  it('pays at most the insured share of the assessed loss, with four eyes against the assessor', () => {
    const s = run(sin, toClaim);
    expect(stateKey(s)).toBe('policy.claimDecision');
    const share = Math.floor(ctx(s).claim.assessedLoss * 0.9);
    const assessor = ctx(s).claim.preparedBy;
    const self = event(sin, s, 'liaison.pay-claim', { actor: actor(sin, 'liaison', assessor), data: { amount: share } });
    expect(step(sin, s, self).refusal?.en).toMatch(/Four eyes/);
    const other = actor(sin, 'liaison', assessor === 41 ? 42 : 41);
    expect(step(sin, s, event(sin, s, 'liaison.pay-claim', { actor: other, data: { amount: share + 1 } })).refusal?.en).toMatch(/insured share/);
    const pay = event(sin, s, 'liaison.pay-claim', { actor: other, data: { amount: share } });
    const paid = step(sin, s, pay).next;
    expect(stateKey(paid)).toBe('recovery');
    expect(sin.decision(s, paid, pay)).toMatchObject({ outcome: 'claim-paid', amount: share });
    const refuse = event(sin, s, 'liaison.refuse-claim', { actor: other });
    const refused = step(sin, s, refuse).next;
    expect(stateKey(refused)).toBe('policy.active');
    expect(sin.decision(s, refused, refuse)).toMatchObject({ outcome: 'claim-refused' });
    const closed = send(sin, send(sin, paid, 'liaison.record-recovery'), 'liaison.close');
    expect(stateKey(closed)).toBe('closed');
    expect(sin.isFinal(closed)).toBe(true);
  });

  it('only takes a loss for a buyer it covered, and a claim within the loss', () => {
    const s = run(sin, [...toPolicy, 'liaison.approve-limit']);
    const unknown = event(sin, s, 'applicant.notify-loss', { data: { buyerName: 'Nobody Ltd', amount: 10, reason: '未付款' } });
    expect(step(sin, s, unknown).refusal?.en).toMatch(/No shipment to this buyer/);
    const lost = run(sin, ['applicant.declare-shipment', 'applicant.notify-loss'], s);
    const tooBig = event(sin, lost, 'applicant.file-claim', { data: { amount: ctx(lost).loss.amount + 1 } });
    expect(step(sin, lost, tooBig).refusal?.en).toMatch(/claim exceeds/);
  });

  it('lets the applicant withdraw the proposal before the policy is issued, not after', () => {
    const s = run(sin, toIssuance);
    expect(stateKey(send(sin, s, 'applicant.withdraw'))).toBe('withdrawn');
    const issued = run(sin, ['liaison.issue-policy'], s);
    expect(sin.refusal(issued, event(sin, issued, 'applicant.withdraw'))?.en).toMatch(/not possible/);
  });
});
