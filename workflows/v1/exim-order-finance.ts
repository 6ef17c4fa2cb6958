// Version 1, kept so that cases begun under it still load and finish; new cases use ../exim-order-finance.ts.
// 中国进出口银行 order financing for processing-trade firms (政策 六.二): 订单核实 → 授信审批
// (four eyes) → 放款 (at most 80% of the verified order) → 应收账款回款 → 结清 (or 逾期).
import { z } from 'zod';
import { eximContract } from '../lending-contract';
import { applicantEvents, rejectEvent, returnEvent, screeningReason, submissionRules } from '../application-events';
import { defineWorkflow, go, type EventDef, type Rule, type StateDef } from '../define-workflow';
import {
  city, contact, countryCode, currency, exampleContact, industry, isoDate, jobsPromised, note, positiveYuan, products,
  province, text, yuanAmount,
} from '../form-fields';
import { lendingEvents, lendingRules, loanContext, overdueTimer, prepare, type LoanContext } from './lending';
import { addDays, bi, firstReason, fourEyesReason, num, yuan, yuanEn } from '../policy-guards';
import type { DocumentKind } from '../types';

const EXIM_LIMITS = { minAmount: 100_000, maxAmount: 200_000_000 };
/** Financing covers at most this share of the (verified) export order value. */
const EXIM_ORDER_SHARE = 0.8;

const eximOrderForm = z.object({
  tradeMode: z.enum(['imported-materials', 'supplied-materials']).describe('贸易方式：进料加工 / 来料加工 — Processing-trade mode'),
  order: z.object({
    buyerName: text(2, 200, '境外买方 / Foreign buyer'),
    buyerCountry: countryCode,
    contractNo: text(2, 60, '出口合同号 / Export contract number'),
    orderValue: z.number().positive().describe('订单金额（原币） / Order value in its currency'),
    currency,
    orderValueCny: positiveYuan('订单折人民币 / Order value in CNY'),
    shipmentDate: isoDate('预计出运日 / Expected shipment date'),
    paymentDueDate: isoDate('买方付款到期日 / Buyer payment due date'),
  }).strict().describe('出口订单 / Export order'),
  purpose: text(2, 2000, '融资用途 / Use of the financing'),
  province,
  city,
  industry,
  products,
  requestedAmount: yuanAmount(EXIM_LIMITS.minAmount, EXIM_LIMITS.maxAmount, '申请融资金额 / Financing requested'),
  jobsPromised: jobsPromised.optional(),
  contact,
}).strict()
  .refine((f) => f.requestedAmount <= f.order.orderValueCny * EXIM_ORDER_SHARE,
    { message: `requestedAmount must not exceed ${EXIM_ORDER_SHARE * 100}% of the order value`, path: ['requestedAmount'] });

const eximOrderExample = {
  tradeMode: 'imported-materials',
  order: {
    buyerName: 'Nordic Home Appliances AB', buyerCountry: 'SE', contractNo: 'NHA-2026-0415',
    orderValue: 2_000_000, currency: 'USD', orderValueCny: 14_400_000, shipmentDate: '2027-05-20', paymentDueDate: '2027-08-18',
  },
  purpose: '采购进口压缩机及组织生产',
  province: '安徽',
  city: '合肥市',
  industry: 'household-appliances',
  products: [{ hsCode: '8418.10', description: '冷藏冷冻组合机 / Refrigerator-freezers' }],
  requestedAmount: 10_000_000,
  jobsPromised: 120,
  contact: exampleContact,
};

type C = LoanContext & { verifiedOrderValue: number | null; repaymentDueDate: string | null };
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const creditTitle = bi('融资审批决定', 'Financing decision');
const ceilingOf = (c: C) => Math.min(c.requestedAmount, Math.floor(num(c.verifiedOrderValue) * EXIM_ORDER_SHARE));

const lending = lendingEvents('liaison.disburse', bi('放款', 'Disburse'));
const eximEvents: EventDef<C>[] = [
  { type: 'liaison.verify-order', label: bi('订单核实', 'Verify the export order'), roles: ['liaison'],
    schema: z.object({ verifiedOrderValueCny: positiveYuan('核实订单金额 / Verified order value'), note }).strict(),
    effect: (c, ev) => ({ verifiedOrderValue: num(ev.data.verifiedOrderValueCny), preparedBy: prepare(c, ev.actor.id) }),
    example: (c) => ({ verifiedOrderValueCny: num((c.form.order as { orderValueCny?: number })?.orderValueCny), note: '合同与报关记录一致 / Contract matches customs records' }) },
  { type: 'liaison.approve-financing', label: bi('批准融资', 'Approve the financing'), roles: ['liaison'],
    schema: z.object({ amount: positiveYuan('批准金额 / Approved amount'), repaymentDueDate: isoDate('还款到期日 / Repayment due date'), conditions: text(0, 4000, '条件 / Conditions') }).strict(),
    effect: (_c, ev) => ({
      committedAmount: num(ev.data.amount), committedBy: ev.actor.id, conditions: String(ev.data.conditions) || null,
      repaymentDueDate: String(ev.data.repaymentDueDate),
    }),
    example: (c) => {
      const due = String((c.form.order as { paymentDueDate?: string })?.paymentDueDate ?? '');
      const fallback = addDays(c.lastEventAt ?? new Date(0).toISOString(), 180).slice(0, 10);
      return { amount: ceilingOf(c), repaymentDueDate: due > fallback.slice(0, 10) ? addDays(`${due}T00:00:00Z`, 30).slice(0, 10) : fallback, conditions: '应收账款质押 / Receivables pledged' };
    },
    decision: (_b, a) => ({ outcome: 'financing-approved', title: creditTitle, amount: a.committedAmount, conditions: a.conditions,
      reasons: `订单核实金额 ${yuan(num(a.verifiedOrderValue))} / Verified order ${yuanEn(num(a.verifiedOrderValue))}`, section: '六.二' }) },
  { ...lending.draw,
    // One disbursement, repaid in one sum from the buyer's payment on the approved due date.
    effect: (c, ev) => ({ ...lending.draw.effect(c, ev), schedule: [{ dueDate: String(c.repaymentDueDate), amount: num(ev.data.amount) }] }),
    example: (c) => ({ amount: num(c.committedAmount) }) },
  lending.repayment, lending.overdue,
];

const eximRules: Record<string, Rule<C>> = {
  ...lendingRules((c) => c.drawn),
  screening: (c, ev) => screeningReason(c, ev),
  creditDecision: (c, ev) => {
    const max = ceilingOf(c);
    return firstReason(
      fourEyesReason(ev.actor.id, c.preparedBy),
      num(ev.data.amount) <= max ? null : bi(`批准金额不得超过申请额及核实订单金额的 80%（${yuan(max)}）`, `The amount may not exceed the request or 80% of the verified order (${yuanEn(max)})`),
      Date.parse(String(ev.data.repaymentDueDate)) > Date.parse(ev.facts.now) ? null : bi('还款到期日须晚于今天', 'The repayment due date must lie in the future'),
    );
  },
};

const states: Record<string, StateDef> = {
  draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
  submitted: { label: bi('已提交，待订单核实', 'Submitted, awaiting order verification'),
    on: { 'liaison.verify-order': go('creditApproval', 'screening'), 'liaison.return': go('amendment'), 'liaison.decline': go('declined'), ...withdrawable } },
  amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
  creditApproval: { label: bi('授信审批', 'Credit approval'),
    on: { 'liaison.approve-financing': go('disbursement', 'creditDecision'), 'liaison.decline-financing': go('declined', 'creditFourEyes'), ...withdrawable } },
  disbursement: { label: bi('待放款', 'Awaiting disbursement'), on: { 'liaison.disburse': go('outstanding', 'drawWithin') } },
  outstanding: { label: bi('待应收账款回款', 'Awaiting repayment from receivables'),
    on: { 'liaison.record-repayment': [go('settled', 'repaymentSettles'), go(null, 'repaymentWithin')], 'system.repayment-overdue': go('overdue', 'isOverdue') } },
  overdue: { label: bi('逾期', 'Overdue'), on: { 'liaison.record-repayment': [go('settled', 'repaymentSettles'), go(null, 'repaymentWithin')] } },
  settled: { label: bi('已结清', 'Settled'), final: true },
  declined: { label: bi('未获批准', 'Declined'), final: true },
  withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
};

const documents: DocumentKind[] = [
  { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
  { kind: 'export-contract', label: bi('出口合同/订单', 'Export contract or order'), required: true },
  { kind: 'customs-declaration', label: bi('近期报关单', 'Recent customs declarations'), required: true },
  { kind: 'financial-statements', label: bi('财务报表', 'Financial statements'), required: true },
  { kind: 'processing-trade-manual', label: bi('加工贸易手册', 'Processing-trade manual'), required: false },
];

export const eximOrderFinance = defineWorkflow<C>({
  code: 'exim-order-finance', version: 1, institution: 'EXIM', referencePrefix: 'EXIM', outsideDesignated: 'lower-priority',
  ...eximContract,
  name: bi('中国进出口银行订单融资', 'Export-Import Bank order financing'),
  summary: bi(
    '中国进出口银行核实出口订单后，按订单金额的一定比例（最高 80%）融资，以应收账款回款偿还（政策 六.二）。',
    'EXIM verifies the export order and finances up to 80% of it; the financing is repaid from the receivable (policy 六.二).',
  ),
  formSchema: eximOrderForm, formExample: eximOrderExample, documents,
  initialContext: (form) => ({ ...loanContext(form), verifiedOrderValue: null, repaymentDueDate: null }),
  events: [
    ...applicantEvents<C>({ formSchema: eximOrderForm, documents }),
    returnEvent<C>('liaison'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('拒绝融资', 'Decline the financing'), 'financing-declined', creditTitle, '六.二'),
    rejectEvent<C>('liaison.decline-financing', 'liaison', bi('授信否决', 'Refuse the credit'), 'financing-declined', creditTitle, '六.二'),
    ...eximEvents,
  ],
  rules: { ...eximRules, ...submissionRules<C>({ formSchema: eximOrderForm, documents }) },
  states,
  timer: overdueTimer(['outstanding']),
});
