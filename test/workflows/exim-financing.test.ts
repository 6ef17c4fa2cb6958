// EXIM order and receivables financing through every turn (政策 六.二), amounts checked at every
// step: verified ≤ contract value, financing ≤ 80% of it; shipment ahead at approval (order
// financing) or behind (receivables financing); repayment date within the buyer's payment terms;
// two disbursements within the approval; repayments from receivables with the FX receipt; one
// extension by decision; overdue → default → recovery or write-off.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { eximOrderFinance as exim } from '../../workflows/exim-order-finance';
import type { WorkflowEvent } from '../../workflows/types';
import { actor, event, run, start, step } from './harness';

const T0 = '2026-03-01T08:00:00.000Z';
type Ctx = Record<string, any>;
const ctx = (s: AnyMachineSnapshot) => s.context as Ctx;
const outstanding = (s: AnyMachineSnapshot) => ctx(s).drawn - ctx(s).repaid;
function ev(s: AnyMachineSnapshot, type: string, data: Record<string, unknown>, who = 40, now = T0): WorkflowEvent {
  return event(exim, s, type, { actor: type.startsWith('system.') ? actor(exim, 'system') : actor(exim, 'liaison', who), data, facts: { now } });
}
function ok(s: AnyMachineSnapshot, e: WorkflowEvent): AnyMachineSnapshot {
  const { refusal, next } = step(exim, s, e);
  expect(refusal).toBeNull();
  return next;
}
const refused = (s: AnyMachineSnapshot, e: WorkflowEvent) => step(exim, s, e).refusal;
function sane(s: AnyMachineSnapshot) {
  const c = ctx(s);
  expect(c.verifiedOrderValue ?? 0).toBeLessThanOrEqual((c.form.order as { orderValueCny: number }).orderValueCny);
  expect(c.committedAmount ?? 0).toBeLessThanOrEqual(Math.floor((c.verifiedOrderValue ?? 0) * 0.8));
  expect(c.drawn).toBeLessThanOrEqual(c.committedAmount ?? 0);
  expect(c.repaid).toBeLessThanOrEqual(c.drawn);
  expect(c.interestPaid).toBeLessThanOrEqual(c.interestAccrued);
  expect(outstanding(s)).toBeGreaterThanOrEqual(0);
}
const receipt = (n: number) => ({ receiptNo: `FX-${n}`, currency: 'USD', foreignAmount: 500_000 });

/** The example's order on fixed dates (the example itself moves with today). */
const FORM = { ...exim.formExample, order: { ...(exim.formExample.order as object), shipmentDate: '2027-05-20', paymentDueDate: '2027-08-18' } };

/** Contract 14.4M (shipment 2027-05-20, buyer pays 2027-08-18), verified 12M, approved 9.6M at 3.5%. */
function approved(form: Record<string, unknown> = FORM): AnyMachineSnapshot {
  let s = run(exim, ['applicant.submit'], start(exim, form));
  expect(refused(s, ev(s, 'liaison.verify-order', { verifiedOrderValueCny: 14_400_001, note: '核实' }))).toMatchObject({ field: 'verifiedOrderValueCny' });
  s = ok(s, ev(s, 'liaison.verify-order', { verifiedOrderValueCny: 12_000_000, note: '部分货物取消' }));
  const terms = { amount: 9_600_000, repaymentDueDate: '2027-09-01', interestRate: 0.035, conditions: '应收账款质押' };
  expect(refused(s, ev(s, 'liaison.approve-financing', terms, 40))?.en).toMatch(/Four eyes/);
  expect(refused(s, ev(s, 'liaison.approve-financing', { ...terms, amount: 9_600_001 }, 41))).toMatchObject({ field: 'amount', en: expect.stringMatching(/80% of the verified contract \(CNY 9,600,000\)/) });
  expect(refused(s, ev(s, 'liaison.approve-financing', { ...terms, repaymentDueDate: '2027-08-17' }, 41))).toMatchObject({ field: 'repaymentDueDate' });
  expect(refused(s, ev(s, 'liaison.approve-financing', { ...terms, repaymentDueDate: '2027-09-18' }, 41))).toMatchObject({ field: 'repaymentDueDate' });
  // Pre-shipment finance: once the shipment date has passed, order financing is refused.
  expect(refused(s, ev(s, 'liaison.approve-financing', terms, 41, '2027-05-21T08:00:00.000Z'))?.en).toMatch(/order financing is approved before shipment/);
  const approve = ev(s, 'liaison.approve-financing', terms, 41);
  const next = ok(s, approve);
  expect(exim.decision(s, next, approve)).toMatchObject({ outcome: 'financing-approved', amount: 9_600_000, reasons: expect.stringContaining('12,000,000') });
  sane(next);
  return next;
}

describe('exim-order-finance, a full life', () => {
  it('disburses twice, is repaid from the receivable with FX receipts, extended once, and settles', () => {
    let s = approved();
    s = ok(s, ev(s, 'liaison.disburse', { amount: 6_000_000 }));
    expect(stateKey(s)).toBe('outstanding');
    expect(refused(s, ev(s, 'liaison.disburse', { amount: 3_600_001 }))).toMatchObject({ field: 'amount', en: expect.stringMatching(/CNY 3,600,000/) });
    const d2 = '2026-06-01T08:00:00.000Z';
    s = ok(s, ev(s, 'liaison.disburse', { amount: 3_600_000 }, 40, d2));
    expect(ctx(s)).toMatchObject({ drawn: 9_600_000, drawdowns: [{ amount: 6_000_000 }, { amount: 3_600_000 }] });
    sane(s);
    // Part of the receivable arrives; the FX receipt is the evidence of the collection.
    const p1 = '2027-03-01T08:00:00.000Z';
    const interest1 = Math.round(6_000_000 * 0.035 * 92 / 365) + Math.round(9_600_000 * 0.035 * 273 / 365);
    expect(refused(s, ev(s, 'liaison.record-repayment', { amount: 4_000_000, interest: interest1 + 1, ...receipt(1) }, 40, p1))).toMatchObject({ field: 'interest' });
    expect(step(exim, s, ev(s, 'liaison.record-repayment', { amount: 4_000_000, interest: 0 }, 40, p1)).refusal).toMatchObject({ en: expect.stringMatching(/Please fill in FX receipt number/), field: 'receiptNo' });
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 4_000_000, interest: interest1, ...receipt(1) }, 40, p1));
    expect(ctx(s).repayments[0]).toMatchObject({ amount: 4_000_000, interest: interest1, receiptNo: 'FX-1', currency: 'USD', foreignAmount: 500_000 });
    expect(outstanding(s)).toBe(5_600_000);
    // The buyer will pay late: one extension (展期), prepared by one liaison, signed by another.
    expect(refused(s, ev(s, 'liaison.prepare-extension', { newDueDate: '2028-03-01', reason: '买方延付', basis: '第九条' }, 40, p1))).toMatchObject({ field: 'newDueDate' });
    s = ok(s, ev(s, 'liaison.prepare-extension', { newDueDate: '2027-11-30', reason: '买方延付', basis: '第九条' }, 40, p1));
    const sign = ev(s, 'liaison.sign-decision', {}, 41, p1);
    const extended = ok(s, sign);
    expect(exim.decision(s, extended, sign)).toMatchObject({ outcome: 'financing-extended', amount: 5_600_000, preparedBy: 40, conditions: expect.stringContaining('2027-11-30') });
    s = extended;
    expect(ctx(s).repaymentDueDate).toBe('2027-11-30');
    expect(exim.nextDueAt(s)).toBe('2027-12-01T00:00:00.000Z');
    expect(refused(s, ev(s, 'liaison.prepare-extension', { newDueDate: '2027-12-30', reason: '再延', basis: '第九条' }, 40, p1))?.en).toMatch(/already extended once/);
    // The rest of the receivable settles it.
    const p2 = '2027-11-20T08:00:00.000Z';
    const interest2 = Math.round(5_600_000 * 0.035 * 264 / 365);
    s = ok(s, ev(s, 'liaison.record-repayment', { amount: 5_600_000, interest: interest2, ...receipt(2) }, 40, p2));
    expect(stateKey(s)).toBe('settled');
    expect(exim.isFinal(s)).toBe(true);
    expect(ctx(s)).toMatchObject({ drawn: 9_600_000, repaid: 9_600_000, interestPaid: interest1 + interest2 });
    sane(s);
  });

  it('falls overdue after the due date, is declared in default by decision, then recovered in part and written off', () => {
    let s = ok(approved(), ev(approved(), 'liaison.disburse', { amount: 9_600_000 }));
    expect(exim.nextDueAt(s)).toBe('2027-09-02T00:00:00.000Z');
    expect(refused(s, ev(s, 'liaison.disburse', { amount: 1 }, 40, '2027-09-02T00:00:00.000Z'))?.en).toMatch(/no further disbursement|exceeds/);
    s = ok(s, ev(s, 'system.repayment-overdue', {}, 0, '2027-09-02T00:00:00.000Z'));
    expect(stateKey(s)).toBe('overdue');
    const t = '2027-12-01T08:00:00.000Z';
    s = ok(s, ev(s, 'liaison.prepare-default', { reason: '逾期 90 天', basis: '融资合同第十条' }, 41, t));
    const declare = ev(s, 'liaison.sign-decision', {}, 42, t);
    const defaulted = ok(s, declare);
    expect(exim.decision(s, defaulted, declare)).toMatchObject({ outcome: 'default-declared', amount: 9_600_000, reasons: expect.stringContaining('融资合同第十条') });
    s = ok(defaulted, ev(defaulted, 'liaison.prepare-recovery', { reason: '向买方追偿', basis: '应收账款质押合同' }, 41, t));
    s = ok(s, ev(s, 'liaison.sign-decision', {}, 40, t));
    expect(stateKey(s)).toBe('recovery');
    s = ok(s, ev(s, 'liaison.record-recovery', { amount: 5_000_000, source: '买方部分付款' }, 40, t));
    s = ok(s, ev(s, 'liaison.prepare-write-off', { reason: '买方破产', basis: '核销办法' }, 40, t));
    const writeOff = ev(s, 'liaison.sign-decision', {}, 41, t);
    const written = ok(s, writeOff);
    expect(stateKey(written)).toBe('writtenOff');
    const owed = 9_600_000 + Math.round(9_600_000 * 0.035 * (Date.parse(t) - Date.parse(T0)) / 86_400_000 / 365) - 5_000_000;
    expect(ctx(written).writtenOff).toBe(owed);
    expect(exim.decision(s, written, writeOff)).toMatchObject({ outcome: 'loan-written-off', amount: owed });
  });

  it('finances a shipped receivable (应收账款融资), never an unshipped one', () => {
    const form = { ...exim.formExample, financingType: 'receivables', order: { ...(exim.formExample.order as object), shipmentDate: '2026-02-10', paymentDueDate: '2026-05-11' } };
    let s = run(exim, ['applicant.submit'], start(exim, form));
    s = ok(s, ev(s, 'liaison.verify-order', { verifiedOrderValueCny: 14_400_000, note: '提单、报关单一致' }));
    const terms = { amount: 10_000_000, repaymentDueDate: '2026-06-01', interestRate: 0.03, conditions: '应收账款转让' };
    expect(refused(s, ev(s, 'liaison.approve-financing', terms, 41, '2026-02-01T08:00:00.000Z'))?.en).toMatch(/not shipped/);
    const approve = ev(s, 'liaison.approve-financing', terms, 41);
    s = ok(s, approve);
    expect(ctx(s).committedAmount).toBe(10_000_000);
    s = ok(s, ev(s, 'liaison.disburse', { amount: 10_000_000 }));
    expect(exim.nextDueAt(s)).toBe('2026-06-02T00:00:00.000Z');
  });

  it('refuses a 两高一资 product at verification, and issues a decline letter', () => {
    const form = { ...exim.formExample, products: [{ hsCode: '2704.00', description: '焦炭 / Coke' }] };
    const s = run(exim, ['applicant.submit'], start(exim, form));
    expect(step(exim, s, event(exim, s, 'liaison.verify-order')).refusal?.en).toMatch(/Coke and semi-coke/);
    const decline = event(exim, s, 'liaison.decline');
    expect(exim.decision(s, step(exim, s, decline).next, decline)).toMatchObject({ outcome: 'financing-declined', section: '一.(二)' });
  });

  it('lets the enterprise give up approved financing before anything is paid out', () => {
    const s = approved();
    expect(stateKey(step(exim, s, event(exim, s, 'applicant.withdraw')).next)).toBe('withdrawn');
  });
});
