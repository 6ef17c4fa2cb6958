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
    expect(sin.waitingOn(issued)).toEqual(['applicant', 'liaison', 'system']); // the policy year runs out unless renewed
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
    expect(stateKey(paid)).toBe('policy.active'); // a paid claim does not end the policy
    expect(sin.decision(s, paid, pay)).toMatchObject({ outcome: 'claim-paid', amount: share, preparedBy: assessor });
    const refuse = event(sin, s, 'liaison.refuse-claim', { actor: other });
    const refused = step(sin, s, refuse).next;
    expect(stateKey(refused)).toBe('policy.active');
    expect(sin.decision(s, refused, refuse)).toMatchObject({ outcome: 'claim-refused' });
    // Closing is a decision with reasons, prepared by one liaison and signed by another.
    const prepared = step(sin, paid, event(sin, paid, 'liaison.prepare-close', { actor: actor(sin, 'liaison', 40) })).next;
    expect(step(sin, prepared, event(sin, prepared, 'liaison.sign-decision', { actor: actor(sin, 'liaison', 40) })).refusal?.en).toMatch(/Four eyes/);
    const sign = event(sin, prepared, 'liaison.sign-decision', { actor: actor(sin, 'liaison', 41) });
    const closed = step(sin, prepared, sign).next;
    expect(stateKey(closed)).toBe('closed');
    expect(sin.isFinal(closed)).toBe(true);
    expect(sin.decision(prepared, closed, sign)).toMatchObject({ outcome: 'policy-closed', preparedBy: 40, reasons: expect.stringContaining('Policy clause 20') });
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

  it('runs a policy year: two buyers, a paid claim within the buyer limit, a loss averted, a later shipment, a shared recovery, renewal and expiry', () => {
    const T = '2026-03-01T08:00:00.000Z';
    const as = (s: AnyMachineSnapshot, type: string, data: Record<string, unknown>, id?: number) => {
      const spec = sin.events.find((e) => e.type === type)!;
      const e = event(sin, s, type, { actor: actor(sin, spec.roles[0], id), data, facts: { now: T } });
      const { refusal, next } = step(sin, s, e);
      expect(refusal).toBeNull();
      return next;
    };
    let s = run(sin, toPolicy);
    expect(ctx(s)).toMatchObject({ periods: 1, policyEnd: '2027-02-28' });
    // Two buyers: the proposal's, approved lower than requested, and a second one requested later.
    s = as(s, 'liaison.approve-limit', { requestId: 1, amount: 3_000_000 });
    s = as(s, 'applicant.request-limit', { buyerName: 'Hansa Retail GmbH', country: 'DE', amount: 2_000_000 });
    s = as(s, 'liaison.approve-limit', { requestId: 2, amount: 2_000_000 });
    const a = 'Lusitania Telecom SA';
    s = as(s, 'applicant.declare-shipment', { buyerName: a, invoiceNo: 'A-1', amount: 3_000_000, shippedOn: '2026-02-20' });
    expect(step(sin, s, event(sin, s, 'applicant.declare-shipment', { data: { buyerName: 'Hansa Retail GmbH', invoiceNo: 'H-1', amount: 2_000_001, shippedOn: '2026-02-21' }, facts: { now: T } })).refusal?.en).toMatch(/exceeds/);
    s = as(s, 'applicant.declare-shipment', { buyerName: 'Hansa Retail GmbH', invoiceNo: 'H-1', amount: 1_500_000, shippedOn: '2026-02-21' });
    expect(ctx(s).premiumTotal).toBe(Math.round(3_000_000 * 0.004) + Math.round(1_500_000 * 0.004));
    // Buyer A does not pay: loss, claim, assessment, indemnity = 90% of the admitted loss, never above A's limit.
    s = as(s, 'applicant.notify-loss', { buyerName: a, amount: 3_000_000, reason: '逾期未付' });
    s = as(s, 'applicant.file-claim', { amount: 3_000_000 });
    s = as(s, 'liaison.prepare-claim', { assessedLoss: 3_000_000, recommendedIndemnity: 2_700_000 }, 40);
    expect(step(sin, s, event(sin, s, 'liaison.pay-claim', { actor: actor(sin, 'liaison', 41), data: { amount: 2_700_001 }, facts: { now: T } })).refusal).toMatchObject({ field: 'amount' });
    s = as(s, 'liaison.pay-claim', { amount: 2_700_000 }, 41);
    expect(stateKey(s)).toBe('policy.active');
    expect(ctx(s)).toMatchObject({ indemnityPaid: 2_700_000, claims: [{ buyerName: a, assessedLoss: 3_000_000, paid: 2_700_000 }], loss: null });
    // Buyer B is late, then pays: the loss is averted and cover goes on.
    s = as(s, 'applicant.notify-loss', { buyerName: 'Hansa Retail GmbH', amount: 1_500_000, reason: '逾期' });
    s = as(s, 'liaison.record-loss-averted', { note: '买方已付款' });
    expect(ctx(s)).toMatchObject({ lossesAverted: 1, loss: null });
    s = as(s, 'applicant.declare-shipment', { buyerName: 'Hansa Retail GmbH', invoiceNo: 'H-2', amount: 400_000, shippedOn: '2026-03-01' });
    expect(ctx(s).shipments).toHaveLength(3);
    // A recovery from buyer A is shared in the insured share: 90% to Sinosure, 10% to the insured.
    expect(step(sin, s, event(sin, s, 'liaison.record-recovery', { data: { amount: 3_000_001 }, facts: { now: T } })).refusal).toMatchObject({ field: 'amount' });
    s = as(s, 'liaison.record-recovery', { amount: 1_000_000 });
    expect(ctx(s).recoveries[0]).toMatchObject({ amount: 1_000_000, toInsurer: 900_000, toInsured: 100_000 });
    expect(sin.figures(ctx(s) as never)).toMatchObject({ claimsPaid: 2_700_000, recovered: 1_000_000, limits: 5_000_000, premium: ctx(s).premiumTotal });
    // Renewal is a decision; the renewed year ends a year later; without renewal the scheduler lets it expire.
    s = as(s, 'liaison.prepare-renewal', { reason: '续保' }, 40);
    const renew = event(sin, s, 'liaison.sign-decision', { actor: actor(sin, 'liaison', 41), data: {}, facts: { now: T } });
    const renewed = step(sin, s, renew).next;
    expect(sin.decision(s, renewed, renew)).toMatchObject({ outcome: 'policy-renewed', preparedBy: 40 });
    expect(ctx(renewed)).toMatchObject({ periods: 2, policyEnd: '2028-02-28' });
    expect(sin.nextDueAt(renewed)).toBe('2028-02-29T00:00:00.000Z');
    const expiry = event(sin, renewed, 'system.policy-expired', { actor: actor(sin, 'system'), data: {}, facts: { now: '2028-02-29T00:00:00.000Z' } });
    expect(step(sin, renewed, { ...expiry, facts: { ...expiry.facts, now: '2028-02-28T12:00:00.000Z' } }).refusal?.en).toMatch(/not ended/);
    const expired = step(sin, renewed, expiry).next;
    expect(stateKey(expired)).toBe('expired');
    expect(sin.isFinal(expired)).toBe(true);
  });
});
