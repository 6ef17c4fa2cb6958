// 就业培训补贴 (政策 五.(一) 加强职业培训): an enterprise or a training provider applies for a
// subsidy for training the workers transferred processing trade needs; the human-resources and
// social-security department (人社部门) reviews, approves a ceiling (four eyes), verifies who
// completed, was certified and stayed employed, pays for those, and claws back on misuse.
import { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, submissionRules } from './application-events';
import { defineWorkflow, go, type StateDef } from './define-workflow';
import { SECTION, trainingContext, trainingEvents, trainingRules, type TrainingContext } from './employment-training-events';
import { figure } from './figures';
import { city, contact, exampleContact, industry, positiveYuan, province, text, yuanAmount } from './form-fields';
import { bi } from './policy-guards';
import { FACTS, fact } from './programme-facts';
import type { DocumentKind } from './types';

const TRAINING_LIMITS = { minAmount: 10_000, maxAmount: 5_000_000 };

const trainingForm = z.object({
  applicantType: z.enum(['processing-enterprise', 'training-provider']).describe('申请主体：加工贸易企业 / 职业培训机构 — Applicant type'),
  projectName: text(2, 200, '培训项目名称 / Training programme'),
  occupation: text(2, 100, '培训职业（工种） / Occupation trained for'),
  province,
  city,
  industry,
  traineesPlanned: z.number().int().min(1).max(100_000).describe('计划培训人数 / Trainees planned'),
  hoursPerTrainee: z.number().int().min(8).max(2_000).describe('每人培训课时 / Training hours per trainee'),
  costPerTrainee: positiveYuan('每人培训成本 / Cost per trainee'),
  localStandard: positiveYuan('当地人社部门补贴标准（每人） / Local 人社 subsidy standard per trainee'),
  requestedAmount: yuanAmount(TRAINING_LIMITS.minAmount, TRAINING_LIMITS.maxAmount, '申请补贴金额 / Subsidy requested'),
  contact,
}).strict().refine((f) => f.requestedAmount <= f.traineesPlanned * Math.min(f.costPerTrainee, f.localStandard), {
  message: 'requestedAmount must not exceed traineesPlanned × the lower of costPerTrainee and localStandard', path: ['requestedAmount'],
});

export const trainingExample = {
  applicantType: 'processing-enterprise',
  projectName: '笔记本电脑组装岗前技能培训',
  occupation: '电子设备装接工',
  province: '重庆',
  city: '重庆市',
  industry: 'electronics',
  traineesPlanned: 200,
  hoursPerTrainee: 120,
  costPerTrainee: 1_800,
  localStandard: 1_500,
  requestedAmount: 300_000,
  contact: exampleContact,
};

type C = TrainingContext;
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const returnable = { 'officer.return': go('amendment'), 'officer.reject': go('rejected') };

const states: Record<string, StateDef> = {
  draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
  submitted: { label: bi('已提交，待受理', 'Submitted, awaiting acceptance for review'), on: { 'officer.accept': go('review', 'screening'), ...returnable, ...withdrawable } },
  amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
  review: { label: bi('人社部门审核', 'Review by the 人社 department'), on: { 'officer.recommend': go('approval', 'recommendable'), ...returnable, ...withdrawable } },
  approval: { label: bi('待批准', 'Awaiting approval'),
    on: { 'approver.approve': go('training', 'approvable'), 'approver.refuse': go('rejected', 'decisionFourEyes'), ...withdrawable } },
  training: { label: bi('培训实施中', 'Training under way'), on: { 'officer.verify-completion': go('payment', 'completionConsistent') } },
  payment: { label: bi('待核定拨付', 'Awaiting payment'), on: { 'approver.pay': go('paid', 'paymentDue') } },
  paid: { label: bi('补贴已拨付', 'Subsidy paid'), on: { 'officer.report-misuse': go('misuse'), 'officer.close': go('closed') } },
  misuse: { label: bi('违规核查', 'Misuse under review'),
    on: { 'approver.order-clawback': go('clawback', 'clawbackWithin'), 'approver.dismiss-finding': go('paid', 'findingFourEyes') } },
  clawback: { label: bi('追回补贴', 'Clawback'), on: { 'officer.record-recovery': [go('closed', 'recoveryCompletes'), go(null, 'recoveryWithin')] } },
  closed: { label: bi('已办结', 'Closed'), final: true },
  rejected: { label: bi('不予补贴', 'Rejected'), final: true },
  withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
};

const documents: DocumentKind[] = [
  { kind: 'business-licence', label: bi('营业执照或办学许可证', 'Business licence or training licence'), required: true },
  { kind: 'training-plan', label: bi('培训计划', 'Training plan'), required: true },
  { kind: 'trainee-roster', label: bi('学员花名册', 'Trainee roster'), required: true },
  { kind: 'training-certificates', label: bi('职业资格或技能等级证书', 'Vocational certificates'), required: false },
  { kind: 'social-insurance-records', label: bi('社保缴费记录', 'Social insurance records'), required: false },
];

const refusalTitle = bi('不予补贴决定', 'Decision not to grant the subsidy');

export const employmentTrainingSubsidy = defineWorkflow<C>({
  code: 'employment-training-subsidy', institution: 'HR', referencePrefix: 'ETS',
  // 五.(一): training serves workers wherever they are hired; the key locations come first.
  outsideDesignated: 'lower-priority',
  name: bi('就业培训补贴', 'Employment training subsidy'),
  summary: bi(
    '人力资源社会保障部门审核培训计划并批准补贴上限，按核实的结业、取证和稳定就业人数拨付，违规使用的予以追回（政策 五.(一)）。',
    'The human-resources and social-security department approves a ceiling for a training plan, pays per trainee verified as completed, certified and still employed, and claws back misused funds (policy 五.(一)).',
  ),
  formSchema: trainingForm, formExample: trainingExample, documents,
  initialContext: trainingContext,
  events: [
    ...applicantEvents<C>({ formSchema: trainingForm, documents }),
    returnEvent<C>('officer'),
    rejectEvent<C>('officer.reject', 'officer', bi('不予补贴', 'Reject'), 'refused', refusalTitle, SECTION),
    rejectEvent<C>('approver.refuse', 'approver', bi('不予批准', 'Refuse'), 'refused', refusalTitle, SECTION),
    ...trainingEvents,
  ],
  rules: { ...submissionRules<C>({ formSchema: trainingForm, documents }), ...trainingRules },
  states,
  // The programme contract: what the rest of the system may read of a case.
  facts: [
    FACTS.requested, FACTS.approved,
    fact<C>('subsidyPerTrainee', '每人补贴标准', 'Subsidy per trainee', 'yuan', (c) => c.subsidyPerTrainee),
    fact<C>('traineesVerified', '核实培训人数', 'Trainees verified', 'count', (c) => c.traineesVerified),
    fact<C>('paid', '已拨付', 'Paid', 'yuan', (c) => c.paid),
    fact<C>('clawbackOrdered', '应追回', 'To be clawed back', 'yuan', (c) => c.clawbackOrdered),
    fact<C>('recovered', '已追回', 'Recovered', 'yuan', (c) => c.recovered),
    FACTS.conditions, FACTS.returnReason,
  ],
  staffOnly: ['preparedBy'],
  figures: (c) => ({
    requested: figure.n(c.requestedAmount), approved: figure.n(c.approvedAmount), disbursed: figure.positive(c.paid),
    traineesPlanned: figure.n(c.form.traineesPlanned), traineesVerified: figure.n(c.traineesVerified), clawedBack: figure.positive(c.recovered),
    clawbackDemanded: figure.positive(c.clawbackOrdered),
  }),
  decisions: [
    { outcome: 'approved', application: 'positive' }, { outcome: 'refused', application: 'negative' },
    { outcome: 'subsidy-paid' }, { outcome: 'clawback-ordered' },
  ],
});
