// Version 1, kept so that cases begun under it still load and finish; new cases use ../cdb-infra-loan.ts.
// 国家开发银行 medium/long-term finance (政策 六.二): 地方推荐 → 尽职调查 → 贷审会 → 签约 →
// 提款与还款 → 结清 (or 逾期 / 违约).
import { cdbContract } from '../lending-contract';
import { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, screeningReason, submissionRules } from '../application-events';
import { defineWorkflow, go, type EventDef, type Rule, type StateDef } from '../define-workflow';
import {
  city, contact, eiaReference, exampleContact, industry, jobsPromised, localHiringShare, note, positiveYuan,
  product, province, text, yuanAmount,
} from '../form-fields';
import {
  lendingEvents, lendingRules, loanContext, overdueTimer, prepare, scheduleExample, scheduleField, type LoanContext,
} from './lending';
import type { DocumentKind } from '../types';
import { bi, eiaReason, firstReason, fourEyesReason, num, yuan, yuanEn } from '../policy-guards';

const CDB_LIMITS = { minAmount: 5_000_000, maxAmount: 2_000_000_000 };

const cdbLoanForm = z.object({
  financingType: z.enum(['loan', 'bond', 'leasing', 'investment']).describe('融资方式（投贷债租，政策 六.二） / Financing type'),
  projectType: z.enum(['park-infrastructure', 'logistics-hub', 'basic-industry', 'pillar-industry', 'public-platform'])
    .describe('项目类别 / Project type'),
  projectName: text(2, 200, '项目名称 / Project name'),
  description: text(10, 8000, '项目概况 / Project description'),
  purpose: text(2, 2000, '贷款用途 / Use of the loan'),
  province,
  city,
  industry,
  products: z.array(product).max(50).optional().describe('项目产品（如有） / Products (if any)'),
  requestedAmount: yuanAmount(CDB_LIMITS.minAmount, CDB_LIMITS.maxAmount, '申请金额 / Amount requested'),
  termMonths: z.number().int().min(12).max(300).describe('期限（月） / Term in months'),
  totalInvestment: positiveYuan('项目总投资 / Total investment'),
  ownFunds: positiveYuan('项目资本金 / Own capital'),
  collateral: text(2, 2000, '担保方式 / Security offered'),
  jobsPromised,
  localHiringShare,
  eiaReference,
  contact,
}).strict()
  .refine((f) => f.requestedAmount <= f.totalInvestment, { message: 'requestedAmount must not exceed totalInvestment', path: ['requestedAmount'] })
  // Fixed-asset projects need at least 20% own capital (项目资本金制度).
  .refine((f) => f.ownFunds >= f.totalInvestment * 0.2, { message: 'ownFunds must be at least 20% of totalInvestment', path: ['ownFunds'] });

const cdbLoanExample = {
  financingType: 'loan',
  projectType: 'park-infrastructure',
  projectName: '两江新区加工贸易产业园标准厂房及配套道路',
  description: '建设标准厂房 12 万平方米及园区道路、供水、供电等七通一平配套设施，承接东部电子信息企业转移。',
  purpose: '厂房及配套基础设施建设',
  province: '重庆',
  city: '重庆市',
  industry: 'electronics',
  requestedAmount: 300_000_000,
  termMonths: 120,
  totalInvestment: 500_000_000,
  ownFunds: 150_000_000,
  collateral: '土地使用权抵押及园区收费权质押',
  jobsPromised: 2000,
  localHiringShare: 80,
  eiaReference: '渝环准〔2026〕31号',
  contact: exampleContact,
};

type C = LoanContext;
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const committeeTitle = bi('贷款审批决定', 'Credit decision');

const cdbEvents: EventDef<C>[] = [
  { type: 'officer.recommend-locally', label: bi('地方推荐', 'Recommend locally'), roles: ['officer'],
    schema: z.object({ opinion: note.describe('推荐意见 / Recommendation') }).strict(),
    example: () => ({ opinion: '项目符合本地承接规划，同意推荐 / Fits the local undertaking plan' }) },
  { type: 'liaison.submit-to-committee', label: bi('提交贷审会', 'Submit to the credit committee'), roles: ['liaison'],
    schema: z.object({ proposedAmount: positiveYuan('建议金额 / Proposed amount'), report: text(2, 8000, '尽职调查报告摘要 / Due-diligence summary') }).strict(),
    effect: (c, ev) => ({ preparedBy: prepare(c, ev.actor.id), conditions: null }),
    example: (c) => ({ proposedAmount: c.requestedAmount, report: '借款人经营稳健，项目现金流可覆盖本息 / Cash flow covers debt service' }) },
  { type: 'liaison.committee-approve', label: bi('贷审会批准', 'Committee approves'), roles: ['liaison'],
    schema: z.object({ committedAmount: positiveYuan('承诺金额 / Committed amount'), conditions: text(0, 4000, '贷款条件 / Conditions') }).strict(),
    effect: (_c, ev) => ({ committedAmount: num(ev.data.committedAmount), committedBy: ev.actor.id, conditions: String(ev.data.conditions) || null }),
    example: (c) => ({ committedAmount: c.requestedAmount, conditions: '资本金先于贷款到位 / Own capital in place before drawdown' }),
    decision: (_b, a) => ({ outcome: 'loan-committed', title: committeeTitle, amount: a.committedAmount, conditions: a.conditions,
      reasons: '贷审会审议通过 / Approved by the credit committee', section: '六.二' }) },
  { type: 'liaison.sign-contract', label: bi('签订借款合同', 'Sign the loan contract'), roles: ['liaison'],
    schema: z.object({ contractNo: z.string().trim().min(3).max(60).describe('合同编号 / Contract number'), schedule: scheduleField }).strict(),
    effect: (_c, ev) => ({ schedule: ev.data.schedule as C['schedule'], contractNo: String(ev.data.contractNo) }),
    example: (c) => ({ contractNo: `CDB-${(c.lastEventAt ?? '2026').slice(0, 4)}-0001`, schedule: scheduleExample(c, c.lastEventAt ?? new Date(0).toISOString(), 5) }) },
  ...Object.values(lendingEvents('liaison.drawdown', bi('提款', 'Drawdown'))),
];

const cdbRules: Record<string, Rule<C>> = {
  ...lendingRules((c) => num(c.committedAmount)),
  // 政策 一.(一) and 一.(二): the local recommendation is the screening of this programme.
  screening: (c, ev) => firstReason(screeningReason(c, ev), eiaReason(ev)),
  toCommittee: (c, ev) => firstReason(eiaReason(ev),
    num(ev.data.proposedAmount) <= c.requestedAmount ? null : bi('建议金额超过申请金额', 'The proposed amount exceeds the request')),
  commitment: (c, ev) => {
    const max = Math.min(c.requestedAmount, CDB_LIMITS.maxAmount);
    return firstReason(fourEyesReason(ev.actor.id, c.preparedBy),
      num(ev.data.committedAmount) <= max ? null : bi(`承诺金额不得超过申请金额（${yuan(max)}）`, `The commitment may not exceed the request (${yuanEn(max)})`));
  },
};

const states: Record<string, StateDef> = {
  draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
  submitted: { label: bi('已提交，待地方推荐', 'Submitted, awaiting local recommendation'),
    on: { 'officer.recommend-locally': go('dueDiligence', 'screening'), 'officer.return': go('amendment'), 'officer.decline': go('declined'), ...withdrawable } },
  amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
  dueDiligence: { label: bi('尽职调查', 'Due diligence'),
    on: { 'liaison.submit-to-committee': go('committee', 'toCommittee'), 'liaison.return': go('amendment'), 'liaison.decline': go('declined'), ...withdrawable } },
  committee: { label: bi('贷审会审议', 'Credit committee'),
    on: { 'liaison.committee-approve': go('contracting', 'commitment'), 'liaison.committee-decline': go('declined', 'creditFourEyes'), ...withdrawable } },
  contracting: { label: bi('待签订合同', 'Awaiting the loan contract'), on: { 'liaison.sign-contract': go('active', 'futureSchedule') } },
  active: { label: bi('提款与还款', 'Drawdowns and repayments'),
    on: {
      'liaison.drawdown': go(null, 'drawWithin'),
      'liaison.record-repayment': [go('settled', 'repaymentSettles'), go(null, 'repaymentWithin')],
      'system.repayment-overdue': go('overdue', 'isOverdue'),
    } },
  overdue: { label: bi('逾期', 'Overdue'),
    on: {
      'liaison.record-repayment': [go('settled', 'repaymentSettles'), go('active', 'repaymentCures'), go(null, 'repaymentWithin')],
      'liaison.declare-default': go('defaulted'),
    } },
  settled: { label: bi('已结清', 'Settled'), final: true },
  defaulted: { label: bi('违约', 'In default'), final: true },
  declined: { label: bi('未获批准', 'Declined'), final: true },
  withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
};

const documents: DocumentKind[] = [
  { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
  { kind: 'project-plan', label: bi('可行性研究报告', 'Feasibility study'), required: true },
  { kind: 'eia-approval', label: bi('环评批复', 'EIA approval'), required: true },
  { kind: 'financial-statements', label: bi('近三年审计报告', 'Audited financial statements (3 years)'), required: true },
  { kind: 'land-use-approval', label: bi('用地批复', 'Land-use approval'), required: false },
  { kind: 'collateral-documents', label: bi('担保材料', 'Collateral documents'), required: false },
];

export const cdbInfraLoan = defineWorkflow<C>({
  code: 'cdb-infra-loan', version: 1, institution: 'CDB', referencePrefix: 'CDB', outsideDesignated: 'lower-priority',
  partners: { COMMERCE: ['officer'] },
  ...cdbContract,
  name: bi('国家开发银行承接地中长期融资', 'China Development Bank finance for undertaking locations'),
  summary: bi(
    '经地方商务主管部门推荐，国家开发银行尽职调查并经贷审会批准后签约放款（政策 六.二）。',
    'After a local recommendation, CDB carries out due diligence; its credit committee commits the loan, then contract and drawdowns (policy 六.二).',
  ),
  formSchema: cdbLoanForm, formExample: cdbLoanExample, documents,
  initialContext: loanContext,
  events: [
    ...applicantEvents<C>({ formSchema: cdbLoanForm, documents }),
    returnEvent<C>('officer'), returnEvent<C>('liaison'),
    rejectEvent<C>('officer.decline', 'officer', bi('不予推荐', 'Decline to recommend'), 'not-recommended', bi('不予推荐决定', 'Decision not to recommend'), '六.二'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('拒绝贷款', 'Decline the loan'), 'loan-declined', committeeTitle, '六.二'),
    rejectEvent<C>('liaison.committee-decline', 'liaison', bi('贷审会否决', 'Committee declines'), 'loan-declined', committeeTitle, '六.二'),
    ...cdbEvents,
  ],
  rules: { ...cdbRules, ...submissionRules<C>({ formSchema: cdbLoanForm, documents }) },
  states,
  timer: overdueTimer(['active']),
});
