// Sinosure's proposal and underwriting (政策 六.二), shared by the policy versions: the form and
// documents, the screening, the terms prepared by one underwriter and the policy issued by another
// (four eyes) within the maximum liability applied for; declining and withdrawal.
import { z } from 'zod';
import type { CaseContext } from './application-events';
import { go, type EventDef, type Rule, type StateDef } from './define-workflow';
import { note, positiveYuan } from './form-fields';
import { atField, bi, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import { applicantEvents, rejectEvent, returnEvent, screeningReason, submissionRules } from './application-events';
import { city, contact, countryCode, exampleContact, industry, products, province, text, yuanAmount } from './form-fields';
import { sinosureContract } from './sinosure-contract';
import type { DocumentKind, FieldHint } from './types';

export const SINOSURE_LIMITS = { minAmount: 1_000_000, maxAmount: 500_000_000 };

export const sinosureForm = z.object({
  coverType: z.enum(['short-term-export', 'domestic-trade']).describe('险种：短期出口信用保险 / 国内贸易信用保险 — Cover'),
  province,
  city,
  industry,
  products,
  expectedTurnover: positiveYuan('预计年投保销售额 / Expected insured turnover per year'),
  requestedAmount: yuanAmount(SINOSURE_LIMITS.minAmount, SINOSURE_LIMITS.maxAmount, '申请最高赔偿限额 / Maximum liability requested'),
  paymentTerms: z.enum(['LC', 'DP', 'DA', 'OA']).describe('支付方式：信用证 / 付款交单 / 承兑交单 / 赊销 — Payment terms'),
  creditDays: z.number().int().min(0).max(360).describe('信用期（天） / Credit period in days'),
  buyers: z.array(z.object({
    name: text(2, 200, '买方名称 / Buyer name'),
    country: countryCode,
    requestedLimit: positiveYuan('申请限额 / Limit requested'),
  }).strict()).min(1).max(20).describe('买方及申请限额 / Buyers and the limits requested'),
  contact,
}).strict();

export const sinosureExample = {
  coverType: 'short-term-export',
  province: '四川',
  city: '成都市',
  industry: 'electronics',
  products: [{ hsCode: '8517.62', description: '网络通信设备 / Network equipment' }],
  expectedTurnover: 80_000_000,
  requestedAmount: 20_000_000,
  paymentTerms: 'OA',
  creditDays: 90,
  buyers: [{ name: 'Lusitania Telecom SA', country: 'PT', requestedLimit: 5_000_000 }],
  contact: exampleContact,
};

const documents: DocumentKind[] = [
  { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
  { kind: 'financial-statements', label: bi('财务报表', 'Financial statements'), required: true },
  { kind: 'export-contract', label: bi('典型出口合同', 'Typical export contract'), required: false },
  { kind: 'customs-declaration', label: bi('近期报关单', 'Recent customs declarations'), required: false },
  { kind: 'loss-evidence', label: bi('损失证明材料', 'Evidence of the loss'), required: false },
];

/** What every version of the programme declares alike. */
export const policyProgramme = {
  code: 'sinosure-credit-insurance', institution: 'SINOSURE', referencePrefix: 'SIN',
  // 六.(二): cover for enterprises; the key locations come first.
  outsideDesignated: 'lower-priority',
  ...sinosureContract,
  name: bi('中国信保出口及国内贸易信用保险', 'Sinosure export and domestic trade credit insurance'),
  summary: bi(
    '中国出口信用保险公司核保出单，核定买方信用限额；买方违约时经定损理算后赔付并追偿（政策 六.二）。',
    'Sinosure underwrites a policy and sets buyer credit limits; when a buyer defaults it assesses and pays the claim, then pursues recovery (policy 六.二).',
  ),
  formSchema: sinosureForm, formExample: sinosureExample, documents,
} as const;
const declineTitle = bi('承保决定', 'Underwriting decision');

type Terms = { premiumRate: number; insuredPercentage: number; maxLiability: number };
type Underwritten = CaseContext & { preparedBy: number[]; terms: Terms | null };

export function proposalRules<C extends Underwritten>(): Record<string, Rule<C>> {
  return {
    ...submissionRules<C>({ formSchema: sinosureForm, documents }),
    // 政策 一.(一) and 一.(二) at the start of underwriting (the screening of this programme).
    screening: (c, ev) => screeningReason(c, ev),
    policyFourEyes: (c, ev) => fourEyesReason(ev.actor.id, c.preparedBy),
    limitTerms: (c, ev) => (num(ev.data.maxLiability) <= c.requestedAmount ? null
      : atField('maxLiability', bi(`最高赔偿限额不得超过申请额（最多 ${yuan(c.requestedAmount)}）`, `The maximum liability may not exceed the request (at most ${yuanEn(c.requestedAmount)})`))),
  };
}

export function proposalEvents<C extends Underwritten>(): EventDef<C>[] {
  return [
    ...applicantEvents<C>({ formSchema: sinosureForm, documents }),
    returnEvent<C>('liaison'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('不予承保', 'Decline to insure'), 'policy-declined', declineTitle, '六.二'),
    rejectEvent<C>('liaison.decline-policy', 'liaison', bi('否决出单', 'Refuse to issue'), 'policy-declined', declineTitle, '六.二'),
    { type: 'liaison.start-underwriting', label: bi('受理核保', 'Start underwriting'), roles: ['liaison'],
      schema: z.object({ note: note.optional() }).strict(), example: () => ({ note: '资料齐全 / Complete' }) },
    { type: 'liaison.prepare-policy', label: bi('拟定承保条件', 'Prepare the policy terms'), roles: ['liaison'],
      schema: z.object({
        premiumRate: z.number().positive().max(0.05).describe('费率（如 0.004） / Premium rate'),
        insuredPercentage: z.number().min(50).max(95).describe('赔偿比例 % / Insured percentage'),
        maxLiability: positiveYuan('最高赔偿限额 / Maximum liability'),
      }).strict(),
      effect: (_c, ev) => ({ preparedBy: [ev.actor.id], terms: { premiumRate: num(ev.data.premiumRate), insuredPercentage: num(ev.data.insuredPercentage), maxLiability: num(ev.data.maxLiability) } }) as Partial<C>,
      example: (c) => ({ premiumRate: 0.004, insuredPercentage: 90, maxLiability: c.requestedAmount }),
      hints: (c) => ({ maxLiability: [{ label: bi('申请最高赔偿限额', 'Maximum liability requested'), value: c.requestedAmount, unit: 'yuan' } satisfies FieldHint] }) },
  ];
}

const withdrawable = { 'applicant.withdraw': go('withdrawn') };

/** From the proposal to the issued policy (`issued`: the state a new policy starts in). */
export function proposalStates(issued: string): Record<string, StateDef> {
  return {
    draft: { label: bi('投保单草稿', 'Draft proposal'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
    submitted: { label: bi('已投保，待核保', 'Proposal submitted, awaiting underwriting'),
      on: { 'liaison.start-underwriting': go('underwriting.assessment', 'screening'), 'liaison.return': go('amendment'), 'liaison.decline': go('declined'), ...withdrawable } },
    amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
    underwriting: {
      label: bi('核保', 'Underwriting'), initial: 'assessment',
      states: {
        assessment: { label: bi('核保评估', 'Risk assessment'),
          on: { 'liaison.prepare-policy': go('underwriting.issuance', 'limitTerms'), 'liaison.decline': go('declined'), ...withdrawable } },
        issuance: { label: bi('待签发保单', 'Awaiting policy issue'),
          on: { 'liaison.issue-policy': go(issued, 'policyFourEyes'), 'liaison.decline-policy': go('declined', 'policyFourEyes'), ...withdrawable } },
      },
    },
  };
}

/** How a policy's case ends besides the policy's own end. */
export const proposalEnds: Record<string, StateDef> = {
  declined: { label: bi('不予承保', 'Declined'), final: true },
  withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
};
