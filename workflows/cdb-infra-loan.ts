// 国家开发银行 medium/long-term finance (政策 六.二): 地方推荐 → 尽职调查 → 贷审会 → 签约 →
// 先决条件 → 提款期内提款 → 按实际提款还本付息 → 结清; or 取消 / 提款期届满失效; or 逾期 →
// 违约认定 → 重组 / 追偿 / 核销. Version 2 (version 1 in ./v1 keeps the cases it started).
import { cdbContract } from './lending-contract';
import { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, submissionRules } from './application-events';
import { defineWorkflow, go, type StateDef } from './define-workflow';
import {
  city, contact, eiaReference, exampleContact, industry, jobsPromised, localHiringShare, positiveYuan,
  product, province, text, yuanAmount,
} from './form-fields';
import { cdbLoanEvents, cdbLoanRules, cdbTimer, type CdbLoan } from './cdb-loan-events';
import type { DocumentKind } from './types';
import { numbers, requestWithinInvestment, withChecks, type FormCheck } from './form-checks';
import { bi, yuan, yuanEn } from './policy-guards';
import { signingEvents } from './prepared-decisions';

const CDB_LIMITS = { minAmount: 5_000_000, maxAmount: 2_000_000_000 };

/** Fixed-asset projects need at least 20% own capital (项目资本金制度). */
const ownCapital: FormCheck = {
  field: 'ownFunds',
  reason: (f) => {
    const n = numbers(f.ownFunds, f.totalInvestment);
    const min = n ? Math.ceil(n[1]! * 0.2) : 0;
    return n && n[0]! < min ? bi(`项目资本金须至少为总投资的 20%（至少 ${yuan(min)}）`, `Own capital must be at least 20% of the total investment (at least ${yuanEn(min)})`) : null;
  },
};
const cdbChecks = [requestWithinInvestment, ownCapital];

const cdbLoanForm = withChecks(z.object({
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
}).strict(), cdbChecks);

export const cdbLoanExample = {
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

type C = CdbLoan;
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const committeeTitle = bi('贷款审批决定', 'Credit decision');
const signing = { 'liaison.return-decision': go(null, 'somethingPrepared') };
const repay = (...more: ReturnType<typeof go>[]) => ({ 'liaison.record-repayment': [go('settled', 'settles'), ...more, go(null, 'repaymentWithin')] });

const states: Record<string, StateDef> = {
  draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
  submitted: { label: bi('已提交，待地方推荐', 'Submitted, awaiting local recommendation'),
    on: { 'officer.recommend-locally': go('dueDiligence', 'screening'), 'officer.return': go('amendment'), 'officer.decline': go('declined'), ...withdrawable } },
  amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
  dueDiligence: { label: bi('尽职调查', 'Due diligence'),
    on: { 'liaison.submit-to-committee': go('committee', 'toCommittee'), 'liaison.return': go('amendment'), 'liaison.decline': go('declined'), ...withdrawable } },
  committee: { label: bi('贷审会审议', 'Credit committee'),
    on: { 'liaison.committee-approve': go('contracting', 'commitment'), 'liaison.committee-decline': go('declined', 'creditFourEyes'), ...withdrawable } },
  contracting: { label: bi('待签订合同', 'Awaiting the loan contract'),
    on: { 'liaison.sign-contract': go('active', 'contractTerms'), ...withdrawable } },
  active: { label: bi('提款与还款', 'Drawdowns and repayments'),
    on: {
      'liaison.record-conditions': go(null, 'conditionsRecordable'),
      'liaison.drawdown': go(null, 'canDraw'),
      ...repay(),
      'liaison.confirm-settlement': go('settled', 'nothingOwed'),
      'liaison.prepare-cancellation': go(null, 'cancellable'),
      'liaison.sign-decision': [go('cancelled', 'cancelEndsLoan'), go(null, 'signs:cancellation')],
      ...signing,
      'system.availability-ended': [go('lapsed', 'lapsesUnused'), go(null, 'availabilityOver')],
      'system.repayment-overdue': go('overdue', 'isOverdue'),
    } },
  overdue: { label: bi('逾期', 'Overdue'),
    on: {
      ...repay(go('active', 'repaymentCures')),
      'liaison.prepare-default': go(null, 'nothingPrepared'),
      'liaison.sign-decision': go('defaulted', 'signs:default'),
      ...signing,
    } },
  defaulted: { label: bi('已认定违约，待处置', 'In default, awaiting resolution'),
    on: {
      ...repay(),
      'liaison.prepare-restructuring': go(null, 'restructuringPreparable'),
      'liaison.prepare-recovery': go(null, 'nothingPrepared'),
      'liaison.prepare-write-off': go(null, 'nothingPrepared'),
      'liaison.sign-decision': [go('active', 'restructures'), go('recovery', 'signs:recovery'), go('writtenOff', 'signs:write-off')],
      ...signing,
    } },
  recovery: { label: bi('追偿中', 'Recovery'),
    on: {
      'liaison.record-recovery': [go('recovered', 'recoveryCompletes'), go(null, 'recoveryWithin')],
      'liaison.prepare-write-off': go(null, 'nothingPrepared'),
      'liaison.sign-decision': go('writtenOff', 'signs:write-off'),
      ...signing,
    } },
  settled: { label: bi('已结清', 'Settled'), final: true },
  cancelled: { label: bi('额度已取消（未提款）', 'Commitment cancelled (nothing drawn)'), final: true },
  lapsed: { label: bi('提款期届满未提款，承诺失效', 'Availability period ended unused'), final: true },
  recovered: { label: bi('追偿完毕', 'Recovered in full'), final: true },
  writtenOff: { label: bi('已核销', 'Written off'), final: true },
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
  code: 'cdb-infra-loan', version: 2, institution: 'CDB', referencePrefix: 'CDB',
  // 六.(二): CDB serves the key locations first, but lends on its own credit judgement elsewhere.
  outsideDesignated: 'lower-priority',
  // CDB lends after a local recommendation of the commerce department (政策 六.二).
  partners: { COMMERCE: ['officer'] },
  ...cdbContract,
  name: bi('国家开发银行承接地中长期融资', 'China Development Bank finance for undertaking locations'),
  summary: bi(
    '经地方商务主管部门推荐，国家开发银行尽职调查并经贷审会批准后签约；先决条件落实后在提款期内提款，按实际提款还本付息（政策 六.二）。',
    'After a local recommendation, CDB carries out due diligence; its credit committee approves, then contract, drawdowns within the availability period once the conditions precedent are met, and repayment of what was drawn (policy 六.二).',
  ),
  formSchema: cdbLoanForm, formExample: cdbLoanExample, formChecks: cdbChecks, documents,
  initialContext: (form) => cdbLoanEvents.initial(form),
  events: [
    ...applicantEvents<C>({ formSchema: cdbLoanForm, documents }),
    returnEvent<C>('officer'), returnEvent<C>('liaison'),
    rejectEvent<C>('officer.decline', 'officer', bi('不予推荐', 'Decline to recommend'), 'not-recommended', bi('不予推荐决定', 'Decision not to recommend'), '六.二'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('拒绝贷款', 'Decline the loan'), 'loan-declined', committeeTitle, '六.二'),
    rejectEvent<C>('liaison.committee-decline', 'liaison', bi('贷审会否决', 'Committee declines'), 'loan-declined', committeeTitle, '六.二'),
    ...cdbLoanEvents.events,
    ...signingEvents<C>(cdbLoanEvents.decisions),
  ],
  rules: { ...cdbLoanRules, ...submissionRules<C>({ formSchema: cdbLoanForm, documents }) },
  states,
  timer: cdbTimer,
});
