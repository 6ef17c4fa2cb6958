// 中国进出口银行 order financing and receivables financing (订单融资 / 应收账款融资) for
// processing-trade firms (政策 六.二): 合同核实 → 授信审批 (four eyes) → 分笔放款 (at most 80% of
// the verified contract) → 应收账款回款 → 结清; 展期 once; or 逾期 → 违约 → 追偿 / 核销.
// Version 2 (version 1 in ./v1 keeps the cases it started).
import { eximContract } from './lending-contract';
import { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, submissionRules } from './application-events';
import { defineWorkflow, go, type StateDef } from './define-workflow';
import {
  city, contact, countryCode, currency, exampleContact, industry, isoDate, jobsPromised, positiveYuan, products,
  province, text, yuanAmount,
} from './form-fields';
import { EXIM_ORDER_SHARE, eximEvents, eximRules, eximTimer, type EximFinancing } from './exim-events';
import { numbers, withChecks, type FormCheck } from './form-checks';
import { bi, yuan, yuanEn } from './policy-guards';
import { signingEvents } from './prepared-decisions';
import type { DocumentKind } from './types';

const EXIM_LIMITS = { minAmount: 100_000, maxAmount: 200_000_000 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const eximChecks: FormCheck[] = [
  { field: 'requestedAmount', reason: (f) => {
    const n = numbers(f.requestedAmount, f.order?.orderValueCny);
    const max = n ? Math.floor(n[1]! * EXIM_ORDER_SHARE) : 0;
    return n && n[0]! > max
      ? bi(`申请融资金额不得超过订单折人民币金额的 ${EXIM_ORDER_SHARE * 100}%（最多 ${yuan(max)}）`, `The financing requested may not exceed ${EXIM_ORDER_SHARE * 100}% of the order value in CNY (at most ${yuanEn(max)})`)
      : null;
  } },
  // The buyer pays for goods once they are shipped, never before.
  { field: 'order.paymentDueDate', reason: (f) => {
    const { shipmentDate, paymentDueDate } = (f.order ?? {}) as { shipmentDate?: unknown; paymentDueDate?: unknown };
    if (typeof shipmentDate !== 'string' || typeof paymentDueDate !== 'string' || !DAY.test(shipmentDate) || !DAY.test(paymentDueDate)) return null;
    return paymentDueDate < shipmentDate ? bi(`买方付款到期日不得早于预计出运日（${shipmentDate}）`, `The buyer's payment due date may not be before the shipment date (${shipmentDate})`) : null;
  } },
];

const eximOrderForm = withChecks(z.object({
  financingType: z.enum(['order', 'receivables']).optional()
    .describe('融资品种：订单融资（出运前） / 应收账款融资（已出运） — Order financing (before shipment) or receivables financing (shipped goods); order financing when left out'),
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
}).strict(), eximChecks);

/** The example order ships this many days from today, and its buyer pays 90 days after shipment. */
export const EXAMPLE_SHIPMENT_DAYS = 170;
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const eximOrderExample = {
  tradeMode: 'imported-materials',
  order: {
    buyerName: 'Nordic Home Appliances AB', buyerCountry: 'SE', contractNo: 'NHA-2026-0415',
    orderValue: 2_000_000, currency: 'USD', orderValueCny: 14_400_000,
    // Relative to today, so that the example (API reference, demo data) never ships in the past.
    get shipmentDate() { return daysFromToday(EXAMPLE_SHIPMENT_DAYS); },
    get paymentDueDate() { return daysFromToday(EXAMPLE_SHIPMENT_DAYS + 90); },
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

type C = EximFinancing;
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const creditTitle = bi('融资审批决定', 'Financing decision');
const returnDecision = { 'liaison.return-decision': go(null, 'somethingPrepared') };
const repay = (...more: ReturnType<typeof go>[]) => ({ 'liaison.record-repayment': [go('settled', 'settlesFinancing'), ...more, go(null, 'repaymentWithin')] });

const states: Record<string, StateDef> = {
  draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
  submitted: { label: bi('已提交，待合同核实', 'Submitted, awaiting verification of the contract'),
    on: { 'liaison.verify-order': go('creditApproval', 'verification'), 'liaison.return': go('amendment'), 'liaison.decline': go('declined'), ...withdrawable } },
  amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
  creditApproval: { label: bi('授信审批', 'Credit approval'),
    on: { 'liaison.approve-financing': go('disbursement', 'creditDecision'), 'liaison.decline-financing': go('declined', 'creditFourEyes'), ...withdrawable } },
  // The enterprise may still give up the approved financing before anything is paid out.
  disbursement: { label: bi('待放款', 'Awaiting disbursement'), on: { 'liaison.disburse': go('outstanding', 'canDisburse'), ...withdrawable } },
  outstanding: { label: bi('已放款，待应收账款回款', 'Disbursed, awaiting repayment from the receivable'),
    on: {
      'liaison.disburse': go(null, 'canDisburse'),
      ...repay(),
      'liaison.prepare-extension': go(null, 'extensionPreparable'),
      'liaison.sign-decision': go(null, 'signs:extension'),
      ...returnDecision,
      'system.repayment-overdue': go('overdue', 'isOverdue'),
    } },
  overdue: { label: bi('逾期', 'Overdue'),
    on: {
      ...repay(go('outstanding', 'repaymentCures')),
      'liaison.prepare-default': go(null, 'nothingPrepared'),
      'liaison.sign-decision': go('defaulted', 'signs:default'),
      ...returnDecision,
    } },
  defaulted: { label: bi('已认定违约，待处置', 'In default, awaiting resolution'),
    on: {
      ...repay(),
      'liaison.prepare-recovery': go(null, 'nothingPrepared'),
      'liaison.prepare-write-off': go(null, 'nothingPrepared'),
      'liaison.sign-decision': [go('recovery', 'signs:recovery'), go('writtenOff', 'signs:write-off')],
      ...returnDecision,
    } },
  recovery: { label: bi('追偿中', 'Recovery'),
    on: {
      'liaison.record-recovery': [go('recovered', 'recoveryCompletes'), go(null, 'recoveryWithin')],
      'liaison.prepare-write-off': go(null, 'nothingPrepared'),
      'liaison.sign-decision': go('writtenOff', 'signs:write-off'),
      ...returnDecision,
    } },
  settled: { label: bi('已结清', 'Settled'), final: true },
  recovered: { label: bi('追偿完毕', 'Recovered in full'), final: true },
  writtenOff: { label: bi('已核销', 'Written off'), final: true },
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
  code: 'exim-order-finance', version: 2, institution: 'EXIM', referencePrefix: 'EXIM',
  // 六.(二): order financing is for processing-trade firms; the key locations come first.
  outsideDesignated: 'lower-priority',
  ...eximContract,
  name: bi('中国进出口银行订单融资', 'Export-Import Bank order financing'),
  summary: bi(
    '中国进出口银行核实出口合同后，按合同金额的一定比例（最高 80%）分笔放款：出运前为订单融资，已出运为应收账款融资；以应收账款回款偿还，可展期一次（政策 六.二）。',
    'EXIM verifies the export contract and finances up to 80% of it in one or more disbursements — order financing before shipment, receivables financing after — repaid from the receivable, extendable once (policy 六.二).',
  ),
  formSchema: eximOrderForm, formExample: eximOrderExample, formChecks: eximChecks, documents,
  initialContext: (form) => eximEvents.initial(form),
  events: [
    ...applicantEvents<C>({ formSchema: eximOrderForm, documents }),
    returnEvent<C>('liaison'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('拒绝融资', 'Decline the financing'), 'financing-declined', creditTitle, '六.二'),
    rejectEvent<C>('liaison.decline-financing', 'liaison', bi('授信否决', 'Refuse the credit'), 'financing-declined', creditTitle, '六.二'),
    ...eximEvents.events,
    ...signingEvents<C>(eximEvents.decisions),
  ],
  rules: { ...eximRules, ...submissionRules<C>({ formSchema: eximOrderForm, documents }) },
  states,
  timer: eximTimer,
});
