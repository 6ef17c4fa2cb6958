// Sinosure short-term export credit insurance (version 3): underwriting with four eyes; buyers'
// limits; shipments within each buyer's limit and the declaration deadline; premium invoiced,
// paid, and its arrears suspending cover; several losses at once; indemnity within the insured
// share and the buyer's limit; recoveries shared; renewal, expiry, closing and run-off. Every
// step of the long life is checked against the book's invariants (no balance below zero,
// nothing above a limit).
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { sinosureCreditInsurance as sin } from '../../workflows/sinosure-credit-insurance';
import type { SinosureBook } from '../../workflows/sinosure-book';
import { actor, event, run, send, start, step } from './harness';

const ctx = (s: AnyMachineSnapshot) => s.context as SinosureBook;
const toIssuance = ['applicant.submit', 'liaison.start-underwriting', 'liaison.prepare-policy'];
const toPolicy = [...toIssuance, 'liaison.issue-policy'];
const A = 1; // the proposal's buyer (Lusitania Telecom SA)
const T0 = '2026-03-01T08:00:00.000Z';

/** No balance below zero, nothing above a limit, the open book adding up to each buyer's exposure. */
function expectSound(c: SinosureBook) {
  for (const b of c.buyers) {
    const open = c.shipments.filter((s) => s.buyerId === b.id).reduce((t, s) => t + s.amount, 0);
    expect(b.exposure, `${b.name} exposure`).toBe(open);
    expect(b.exposure).toBeGreaterThanOrEqual(0);
    expect(b.exposure, `${b.name} within its limit`).toBeLessThanOrEqual(b.limit);
    expect(b.indemnified).toBeLessThanOrEqual(b.limit);
    expect(b.recovered).toBeLessThanOrEqual(b.admitted);
  }
  for (const s of c.shipments) expect(s.amount).toBeGreaterThan(0);
  for (const i of c.invoices) expect(i.paid).toBeLessThan(i.amount);
  for (const l of c.losses) {
    const s = c.shipments.find((x) => x.id === l.shipmentId)!;
    expect(l.amount).toBeLessThanOrEqual(s.amount);
    if (l.claimed !== null) expect(l.claimed).toBeLessThanOrEqual(l.amount);
    if (l.assessedLoss !== null) expect(l.assessedLoss).toBeLessThanOrEqual(l.claimed!);
  }
  expect(c.premiumPaid).toBeLessThanOrEqual(c.premiumInvoiced);
  expect(c.premiumInvoiced).toBeLessThanOrEqual(c.premiumDeclared);
  expect(c.periodIndemnity).toBeLessThanOrEqual(c.terms?.maxLiability ?? 0);
  expect(c.recoveredToInsurer + c.recoveredToInsured).toBe(c.recovered);
}

/** A driver at a clock of its own: `ok` sends and expects acceptance, `no` expects a refusal. */
function policyAt(now = T0) {
  let clock = now;
  const ev = (s: AnyMachineSnapshot, type: string, data: Record<string, unknown>, id?: number) => {
    const spec = sin.events.find((e) => e.type === type)!;
    return event(sin, s, type, { actor: actor(sin, spec.roles[0]!, id), data, facts: { now: clock } });
  };
  return {
    set: (iso: string) => { clock = iso; },
    ok(s: AnyMachineSnapshot, type: string, data: Record<string, unknown> = {}, id?: number) {
      const { refusal, next } = step(sin, s, ev(s, type, data, id));
      expect(refusal, type).toBeNull();
      expectSound(ctx(next));
      return next;
    },
    no(s: AnyMachineSnapshot, type: string, data: Record<string, unknown> = {}, id?: number) {
      const { refusal } = step(sin, s, ev(s, type, data, id));
      expect(refusal, type).not.toBeNull();
      return refusal!;
    },
    decision(s: AnyMachineSnapshot, type: string, data: Record<string, unknown>, id?: number) {
      const e = ev(s, type, data, id);
      return sin.decision(s, step(sin, s, e).next, e);
    },
  };
}

describe('sinosure-credit-insurance (version 3)', () => {
  it('refuses 两高一资 at underwriting and an ineligible region', () => {
    const s = run(sin, ['applicant.submit'], start(sin, { ...sin.formExample, industry: 'tanning' }));
    expect(step(sin, s, event(sin, s, 'liaison.start-underwriting')).refusal?.en).toMatch(/Leather tanning/);
    const ok = run(sin, ['applicant.submit']);
    const outside = event(sin, ok, 'liaison.start-underwriting', { facts: { enterprise: { id: 7, province: '浙江', industry: 'electronics', regionEligible: false } } });
    expect(step(sin, ok, outside).refusal?.en).toMatch(/region/);
  });

  it('issues the policy for a year, by an underwriter other than the one who prepared it; the proposal\'s buyers await their limits', () => {
    const s = run(sin, toIssuance);
    const preparer = ctx(s).preparedBy[0]!;
    expect(step(sin, s, event(sin, s, 'liaison.issue-policy', { actor: actor(sin, 'liaison', preparer) })).refusal?.en).toMatch(/Four eyes/);
    const issue = event(sin, s, 'liaison.issue-policy', { actor: actor(sin, 'liaison', 41) });
    const issued = step(sin, s, issue).next;
    expect(stateKey(issued)).toBe('policy.cover.active');
    expect(ctx(issued).period).toEqual({ no: 1, start: '2026-03-01', end: '2027-02-28' });
    expect(sin.decision(s, issued, issue)).toMatchObject({ outcome: 'policy-issued', amount: 20_000_000, section: '六.二' });
    expect(ctx(issued).buyers).toMatchObject([{ id: A, name: 'Lusitania Telecom SA', status: 'pending', requested: 5_000_000, limit: 0 }]);
    expect(sin.nextDueAt(issued)).toBe('2027-03-01T00:00:00.000Z'); // the year ends unless renewed
  });

  it('approves a limit at most as requested (possibly lower), refuses, reduces it never below what is shipped, cancels it for new shipments only', () => {
    const p = policyAt();
    let s = run(sin, toPolicy);
    expect(p.no(s, 'liaison.approve-limit', { buyerId: A, amount: 5_000_001 })).toMatchObject({ field: 'amount', en: expect.stringContaining('CNY 5,000,000') });
    expect(p.no(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'X', amount: 1, shippedOn: '2026-03-01' })).toMatchObject({ field: 'buyerId' });
    expect(p.decision(s, 'liaison.approve-limit', { buyerId: A, amount: 3_000_000 })).toMatchObject({ outcome: 'credit-limit-approved', amount: 3_000_000 });
    s = p.ok(s, 'liaison.approve-limit', { buyerId: A, amount: 3_000_000 });
    s = p.ok(s, 'applicant.request-limit', { buyerName: 'Hansa Retail GmbH', country: 'DE', amount: 2_000_000 });
    expect(p.no(s, 'applicant.request-limit', { buyerName: 'hansa retail gmbh ', country: 'DE', amount: 1 })).toMatchObject({ field: 'buyerName' });
    const hansa = ctx(s).buyers[1]!.id;
    expect(p.decision(s, 'liaison.refuse-limit', { buyerId: hansa, reason: '资信不足' })).toMatchObject({ outcome: 'credit-limit-refused', reasons: expect.stringContaining('资信不足') });
    s = p.ok(s, 'liaison.refuse-limit', { buyerId: hansa, reason: '资信不足' });
    expect(ctx(s).buyers[1]).toMatchObject({ status: 'refused', requested: null });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-1', amount: 2_000_000, shippedOn: '2026-03-01' });
    // Reduced: below the current limit, never below what is shipped and unpaid.
    expect(p.no(s, 'liaison.reduce-limit', { buyerId: A, amount: 1_999_999, reason: '风险上升' })).toMatchObject({ field: 'amount', en: expect.stringContaining('CNY 2,000,000') });
    expect(p.no(s, 'liaison.reduce-limit', { buyerId: A, amount: 3_000_000, reason: '风险上升' })).toMatchObject({ field: 'amount' });
    expect(p.decision(s, 'liaison.reduce-limit', { buyerId: A, amount: 2_500_000, reason: '风险上升' })).toMatchObject({ outcome: 'credit-limit-changed', amount: 2_500_000 });
    s = p.ok(s, 'liaison.reduce-limit', { buyerId: A, amount: 2_500_000, reason: '风险上升' });
    // A change asked by the insured: approved at most as asked, not below the exposure.
    s = p.ok(s, 'applicant.request-limit', { buyerName: 'Lusitania Telecom SA', country: 'PT', amount: 4_000_000 });
    expect(p.no(s, 'liaison.approve-limit', { buyerId: A, amount: 1_000_000 })).toMatchObject({ field: 'amount' });
    s = p.ok(s, 'liaison.approve-limit', { buyerId: A, amount: 3_500_000 });
    expect(ctx(s).buyers[0]).toMatchObject({ limit: 3_500_000, exposure: 2_000_000, requested: null });
    // Cancelled: what was shipped stays covered; nothing new is.
    expect(p.decision(s, 'liaison.cancel-limit', { buyerId: A, reason: '买方列入风险名单' })).toMatchObject({ outcome: 'credit-limit-cancelled' });
    s = p.ok(s, 'liaison.cancel-limit', { buyerId: A, reason: '买方列入风险名单' });
    expect(p.no(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-2', amount: 1, shippedOn: '2026-03-01' })).toMatchObject({ field: 'buyerId' });
    s = p.ok(s, 'applicant.notify-loss', { shipmentId: ctx(s).shipments[0]!.id, amount: 2_000_000, reason: '逾期' });
    expect(sin.figures(ctx(s) as never)).toMatchObject({ limits: null, exposure: 2_000_000 });
  });

  it('keeps each buyer\'s exposure within its limit, frees a paid shipment\'s share, and takes declarations by the 15th of the next month', () => {
    const p = policyAt('2026-04-10T02:00:00.000Z');
    let s = p.ok(run(sin, toPolicy), 'liaison.approve-limit', { buyerId: A, amount: 3_000_000 });
    const ship = (invoiceNo: string, amount: number, shippedOn = '2026-04-09') => ({ buyerId: A, invoiceNo, amount, shippedOn });
    s = p.ok(s, 'applicant.declare-shipment', ship('A-1', 2_000_000));
    expect(ctx(s).premiumDeclared).toBe(8_000); // 2,000,000 × 0.004
    expect(ctx(s).shipments[0]).toMatchObject({ dueDate: '2026-07-08', lossId: null }); // 90 days' credit
    expect(p.no(s, 'applicant.declare-shipment', ship('A-2', 1_000_001))).toMatchObject({ field: 'amount', en: expect.stringContaining('CNY 1,000,000') });
    s = p.ok(s, 'applicant.declare-shipment', ship('A-2', 1_000_000));
    expect(p.no(s, 'applicant.declare-shipment', ship('A-3', 1))).toMatchObject({ field: 'amount' });
    // The buyer pays the first invoice in part, then in full: each payment frees its share.
    const first = ctx(s).shipments[0]!.id;
    expect(p.no(s, 'applicant.report-payment', { shipmentId: first, amount: 2_000_001 })).toMatchObject({ field: 'amount' });
    s = p.ok(s, 'applicant.report-payment', { shipmentId: first, amount: 500_000 });
    expect(ctx(s).buyers[0]!.exposure).toBe(2_500_000);
    s = p.ok(s, 'applicant.report-payment', { shipmentId: first, amount: 1_500_000 });
    expect(ctx(s).shipments.map((x) => x.invoiceNo)).toEqual(['A-2']);
    s = p.ok(s, 'applicant.declare-shipment', ship('A-3', 2_000_000));
    // March's shipments were due by 15 April; a shipment before the policy began or after today is refused.
    expect(p.no(s, 'applicant.declare-shipment', ship('A-4', 1, '2026-02-27'))).toMatchObject({ field: 'shippedOn' });
    p.set('2026-04-16T02:00:00.000Z');
    expect(p.no(s, 'applicant.declare-shipment', ship('A-4', 1, '2026-03-31')).en).toMatch(/declared by 2026-04-15/);
    expect(p.no(s, 'applicant.declare-shipment', ship('A-4', 1, '2026-04-17'))).toMatchObject({ field: 'shippedOn' });
  });

  it('invoices the premium declared, suspends cover of new shipments while an invoice is overdue, and restores it when paid', () => {
    const p = policyAt();
    let s = p.ok(run(sin, toPolicy), 'liaison.approve-limit', { buyerId: A, amount: 5_000_000 });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-1', amount: 1_000_000, shippedOn: '2026-03-01' });
    expect(p.no(s, 'liaison.invoice-premium', { amount: 4_001, dueDate: '2026-03-31' })).toMatchObject({ field: 'amount', en: expect.stringContaining('CNY 4,000') });
    expect(p.no(s, 'liaison.invoice-premium', { amount: 4_000, dueDate: '2026-03-01' })).toMatchObject({ field: 'dueDate' });
    s = p.ok(s, 'liaison.invoice-premium', { amount: 4_000, dueDate: '2026-03-31' });
    const invoice = ctx(s).invoices[0]!.id;
    expect(sin.nextDueAt(s)).toBe('2026-04-01T00:00:00.000Z');
    p.set('2026-04-01T00:00:00.000Z');
    s = p.ok(s, 'system.premium-overdue');
    expect([stateKey(s), ctx(s).suspendedSince]).toEqual(['policy.cover.suspended', '2026-04-01']);
    // Goods shipped while the premium is overdue are not covered; earlier ones still can be declared.
    p.set('2026-04-05T02:00:00.000Z');
    expect(p.no(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-2', amount: 1_000, shippedOn: '2026-04-02' }).en).toMatch(/premium was overdue/);
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-2', amount: 1_000, shippedOn: '2026-03-30' });
    // A part payment keeps cover suspended; the rest restores it from the day of payment.
    s = p.ok(s, 'liaison.record-premium', { invoiceId: invoice, amount: 1_000 });
    expect(stateKey(s)).toBe('policy.cover.suspended');
    expect(p.no(s, 'liaison.record-premium', { invoiceId: invoice, amount: 3_001 })).toMatchObject({ field: 'amount' });
    s = p.ok(s, 'liaison.record-premium', { invoiceId: invoice, amount: 3_000 });
    expect(stateKey(s)).toBe('policy.cover.active');
    expect(ctx(s)).toMatchObject({ premiumPaid: 4_000, premiumInvoiced: 4_000, invoices: [], suspensions: [{ from: '2026-04-01', to: '2026-04-04' }] });
    expect(p.no(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-3', amount: 1_000, shippedOn: '2026-04-03' }).en).toMatch(/premium was overdue/);
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-3', amount: 1_000, shippedOn: '2026-04-05' });
    expect(sin.figures(ctx(s) as never)).toMatchObject({ premium: 4_008, premiumPaid: 4_000, exposure: 1_002_000 });
  });

  it('runs a policy life: two buyers, losses open at once, a paid claim within the insured share and the buyer limit, a loss averted, a later shipment, a shared recovery, renewal, expiry and run-off', () => {
    const p = policyAt();
    let s = run(sin, toPolicy);
    s = p.ok(s, 'liaison.approve-limit', { buyerId: A, amount: 3_000_000 });
    s = p.ok(s, 'applicant.request-limit', { buyerName: 'Hansa Retail GmbH', country: 'DE', amount: 2_000_000 });
    const H = ctx(s).buyers[1]!.id;
    s = p.ok(s, 'liaison.approve-limit', { buyerId: H, amount: 2_000_000 });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-1', amount: 1_000_000, shippedOn: '2026-03-01' });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-2', amount: 2_000_000, shippedOn: '2026-03-01' });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: H, invoiceNo: 'H-1', amount: 1_500_000, shippedOn: '2026-03-01' });
    const [a1, a2, h1] = ctx(s).shipments.map((x) => x.id);
    // Two losses of buyer A open at once, and one of buyer H.
    s = p.ok(s, 'applicant.notify-loss', { shipmentId: a1, amount: 1_000_000, reason: '逾期未付' });
    expect(p.no(s, 'applicant.notify-loss', { shipmentId: a1, amount: 1, reason: '再次' })).toMatchObject({ field: 'shipmentId' });
    s = p.ok(s, 'applicant.notify-loss', { shipmentId: a2, amount: 2_000_000, reason: '买方破产' });
    s = p.ok(s, 'applicant.notify-loss', { shipmentId: h1, amount: 1_500_000, reason: '逾期' });
    const [l1, l2, l3] = ctx(s).losses.map((l) => l.id);
    expect(ctx(s).losses).toHaveLength(3);
    expect(p.no(s, 'applicant.file-claim', { lossId: l2, amount: 2_000_001 })).toMatchObject({ field: 'amount' });
    s = p.ok(s, 'applicant.file-claim', { lossId: l2, amount: 2_000_000 });
    s = p.ok(s, 'applicant.file-claim', { lossId: l1, amount: 1_000_000 });
    expect(p.no(s, 'liaison.prepare-claim', { lossId: l2, assessedLoss: 2_000_001, recommendedIndemnity: 1 }, 40)).toMatchObject({ field: 'assessedLoss' });
    expect(p.no(s, 'liaison.prepare-claim', { lossId: l2, assessedLoss: 2_000_000, recommendedIndemnity: 1_800_001 }, 40)).toMatchObject({ field: 'recommendedIndemnity' });
    s = p.ok(s, 'liaison.prepare-claim', { lossId: l2, assessedLoss: 2_000_000, recommendedIndemnity: 1_800_000 }, 40);
    s = p.ok(s, 'liaison.prepare-claim', { lossId: l1, assessedLoss: 1_000_000, recommendedIndemnity: 900_000 }, 40);
    expect(p.no(s, 'liaison.pay-claim', { lossId: l2, amount: 1_800_000 }, 40).en).toMatch(/Four eyes/);
    expect(p.decision(s, 'liaison.pay-claim', { lossId: l2, amount: 1_800_000 }, 41)).toMatchObject({ outcome: 'claim-paid', amount: 1_800_000, preparedBy: 40 });
    s = p.ok(s, 'liaison.pay-claim', { lossId: l2, amount: 1_800_000 }, 41);
    // Buyer A's limit is 3,000,000: 1,800,000 indemnified leaves at most 1,200,000, and 90% of 1,000,000 fits.
    expect(stateKey(s)).toBe('policy.cover.active'); // a paid claim does not end the policy
    expect(p.no(s, 'liaison.pay-claim', { lossId: l1, amount: 900_001 }, 41)).toMatchObject({ field: 'amount', en: expect.stringContaining('CNY 900,000') });
    s = p.ok(s, 'liaison.pay-claim', { lossId: l1, amount: 900_000 }, 41);
    expect(ctx(s).buyers[0]).toMatchObject({ indemnified: 2_700_000, admitted: 3_000_000, exposure: 0 });
    // Buyer H pays after all: the loss is averted and its share of the limit freed; cover goes on.
    s = p.ok(s, 'liaison.record-loss-averted', { lossId: l3, note: '买方已付款' });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: H, invoiceNo: 'H-2', amount: 2_000_000, shippedOn: '2026-03-01' });
    expect(ctx(s)).toMatchObject({ lossesAverted: 1, claimsPaid: 2, indemnityPaid: 2_700_000, shipmentsDeclared: 4 });
    // Recovery from A is shared in the insured share, never more than the admitted loss.
    expect(p.no(s, 'liaison.record-recovery', { buyerId: A, amount: 3_000_001 })).toMatchObject({ field: 'amount' });
    s = p.ok(s, 'liaison.record-recovery', { buyerId: A, amount: 1_000_000 });
    expect(ctx(s)).toMatchObject({ recovered: 1_000_000, recoveredToInsurer: 900_000, recoveredToInsured: 100_000 });
    expect(sin.figures(ctx(s) as never)).toMatchObject({ claimsPaid: 2_700_000, recovered: 1_000_000, limits: 5_000_000, exposure: 2_000_000, premium: 26_000 });
    // Renewal (prepared and signed by two people) creates the next policy year.
    s = p.ok(s, 'liaison.prepare-renewal', { reason: '续保' }, 40);
    expect(p.no(s, 'liaison.sign-decision', {}, 40).en).toMatch(/Four eyes/);
    expect(p.decision(s, 'liaison.sign-decision', {}, 41)).toMatchObject({ outcome: 'policy-renewed', preparedBy: 40 });
    s = p.ok(s, 'liaison.sign-decision', {}, 41);
    expect(ctx(s).period).toEqual({ no: 2, start: '2027-03-01', end: '2028-02-29' });
    // H-2 (due 2026-05-30) is neither reported paid nor notified within 60 days: it leaves the book.
    expect(sin.nextDueAt(s)).toBe('2026-07-30T00:00:00.000Z');
    p.set('2026-07-30T00:00:00.000Z');
    expect(p.no(s, 'applicant.notify-loss', { shipmentId: ctx(s).shipments[0]!.id, amount: 1, reason: '迟报' })).toMatchObject({ field: 'shipmentId', en: expect.stringContaining('2026-07-29') });
    s = p.ok(s, 'system.notice-period-ended');
    expect(ctx(s)).toMatchObject({ shipments: [], shipmentsLapsed: 1 });
    expect(ctx(s).buyers[1]!.exposure).toBe(0);
    // The renewed year ends without another renewal: nothing is open, so the policy expires.
    expect(sin.nextDueAt(s)).toBe('2028-03-01T00:00:00.000Z');
    p.set('2028-02-29T12:00:00.000Z');
    expect(p.no(s, 'system.policy-expired').en).toMatch(/not ended/);
    p.set('2028-03-01T00:00:00.000Z');
    s = p.ok(s, 'system.policy-expired');
    expect([stateKey(s), sin.isFinal(s)]).toEqual(['expired', true]);
  });

  it('runs off what is open when the year ends or the policy is closed, then ends as it was ended', () => {
    const p = policyAt();
    let s = p.ok(run(sin, toPolicy), 'liaison.approve-limit', { buyerId: A, amount: 3_000_000 });
    s = p.ok(s, 'applicant.declare-shipment', { buyerId: A, invoiceNo: 'A-1', amount: 1_000_000, shippedOn: '2026-03-01' });
    // Closing is a decision with reasons, prepared by one liaison and signed by another.
    let closing = p.ok(s, 'liaison.prepare-close', { reason: '被保险人申请退保', basis: '保单条款第二十条' }, 40);
    expect(p.decision(closing, 'liaison.sign-decision', {}, 41)).toMatchObject({ outcome: 'policy-closed', preparedBy: 40, reasons: expect.stringContaining('保单条款第二十条') });
    closing = p.ok(closing, 'liaison.sign-decision', {}, 41);
    expect([stateKey(closing), ctx(closing).ending]).toEqual(['policy.runOff', 'close']);
    expect(sin.eventTypesIn(closing)).not.toContain('applicant.declare-shipment');
    closing = p.ok(closing, 'applicant.report-payment', { shipmentId: ctx(closing).shipments[0]!.id, amount: 1_000_000 });
    expect(sin.nextDueAt(closing)).toBe(ctx(closing).lastEventAt);
    closing = p.ok(closing, 'system.run-off-ended');
    expect([stateKey(closing), sin.isFinal(closing)]).toEqual(['closed', true]);
    // At the year's end a loss still open runs off: its claim is decided, then the policy expires.
    s = p.ok(s, 'applicant.notify-loss', { shipmentId: ctx(s).shipments[0]!.id, amount: 1_000_000, reason: '逾期' });
    p.set('2027-03-01T00:00:00.000Z');
    s = p.ok(s, 'system.policy-expired');
    expect([stateKey(s), ctx(s).ending]).toEqual(['policy.runOff', 'expiry']);
    const loss = ctx(s).losses[0]!.id;
    s = p.ok(s, 'applicant.file-claim', { lossId: loss, amount: 1_000_000 });
    s = p.ok(s, 'liaison.refuse-claim', { lossId: loss, reason: '未按时报损' }, 41);
    expect(ctx(s).buyers[0]!.exposure).toBe(0);
    s = p.ok(s, 'system.run-off-ended');
    expect([stateKey(s), sin.isFinal(s)]).toEqual(['expired', true]);
  });

  it('keeps the snapshot compact: 1,000 shipments declared and paid leave a context of a few kilobytes', () => {
    const p = policyAt();
    let s = p.ok(run(sin, toPolicy), 'liaison.approve-limit', { buyerId: A, amount: 5_000_000 });
    const small = JSON.stringify(sin.machine.getPersistedSnapshot(s)).length;
    for (let i = 0; i < 1_000; i++) {
      s = send(sin, s, 'applicant.declare-shipment', { facts: { now: T0 } });
      s = send(sin, s, 'applicant.report-payment');
    }
    expect(ctx(s).shipmentsDeclared).toBe(1_000);
    expect(JSON.stringify(sin.machine.getPersistedSnapshot(s)).length).toBeLessThan(small + 1_000);
  });
});
