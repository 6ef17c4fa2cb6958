// Version 1, kept so that cases begun under it still load and finish; new cases use ../sinosure-credit-insurance.ts.
// 中国出口信用保险公司 credit insurance (政策 六.二): 投保 → 核保 → 出单 (four eyes) → 买方限额、
// 出运申报与保费 → 可能损失通知 → 索赔 → 赔付 (four eyes) or 拒赔 → 追偿 → 结案.
import { sinosureContract } from '../sinosure-contract';
import { applicantEvents, rejectEvent, returnEvent, screeningReason, submissionRules } from '../application-events';
import { defineWorkflow, go, type StateDef } from '../define-workflow';
import { bi } from '../policy-guards';
import { sinosureContext, sinosureEvents, sinosureRules, type SinosureContext } from './sinosure-events';
import type { DocumentKind } from '../types';

import { sinosureExample, sinosureForm } from '../sinosure-underwriting';

type C = SinosureContext;
const withdrawable = { 'applicant.withdraw': go('withdrawn') };
const declineTitle = bi('承保决定', 'Underwriting decision');

const states: Record<string, StateDef> = {
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
        on: { 'liaison.issue-policy': go('policy.active', 'policyFourEyes'), 'liaison.decline-policy': go('declined', 'policyFourEyes'), ...withdrawable } },
    },
  },
  policy: {
    label: bi('保单有效', 'Policy in force'), initial: 'active',
    // Limits and shipments go on while a loss or a claim is handled.
    on: {
      'applicant.request-limit': go(null, 'newLimitRequest'),
      'liaison.approve-limit': go(null, 'limitApprovable'),
      'liaison.refuse-limit': go(null, 'limitPending'),
      'applicant.declare-shipment': go(null, 'shipmentCovered'),
    },
    states: {
      active: { label: bi('保单有效', 'Policy in force'), on: { 'applicant.notify-loss': go('policy.lossNotified', 'lossCovered'), 'liaison.close': go('closed') } },
      lossNotified: { label: bi('已报可能损失', 'Possible loss notified'), on: { 'applicant.file-claim': go('policy.claimAssessment', 'claimWithinLoss') } },
      claimAssessment: { label: bi('定损理算', 'Claim assessment'), on: { 'liaison.prepare-claim': go('policy.claimDecision', 'claimAssessed') } },
      claimDecision: { label: bi('理赔审批', 'Claim decision'),
        on: { 'liaison.pay-claim': go('recovery', 'claimPayable'), 'liaison.refuse-claim': go('policy.active', 'claimFourEyes') } },
    },
  },
  recovery: { label: bi('追偿', 'Recovery'), on: { 'liaison.record-recovery': go(null, 'recoveryWithin'), 'liaison.close': go('closed') } },
  closed: { label: bi('已结案', 'Closed'), final: true },
  declined: { label: bi('不予承保', 'Declined'), final: true },
  withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
};

const documents: DocumentKind[] = [
  { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
  { kind: 'financial-statements', label: bi('财务报表', 'Financial statements'), required: true },
  { kind: 'export-contract', label: bi('典型出口合同', 'Typical export contract'), required: false },
  { kind: 'customs-declaration', label: bi('近期报关单', 'Recent customs declarations'), required: false },
  { kind: 'loss-evidence', label: bi('损失证明材料', 'Evidence of the loss'), required: false },
];

export const sinosureCreditInsurance = defineWorkflow<C>({
  code: 'sinosure-credit-insurance', version: 1, institution: 'SINOSURE', referencePrefix: 'SIN', outsideDesignated: 'lower-priority',
  ...sinosureContract,
  name: bi('中国信保出口及国内贸易信用保险', 'Sinosure export and domestic trade credit insurance'),
  summary: bi(
    '中国出口信用保险公司核保出单，核定买方信用限额；买方违约时经定损理算后赔付并追偿（政策 六.二）。',
    'Sinosure underwrites a policy and sets buyer credit limits; when a buyer defaults it assesses and pays the claim, then pursues recovery (policy 六.二).',
  ),
  formSchema: sinosureForm, formExample: sinosureExample, documents,
  initialContext: sinosureContext,
  events: [
    ...applicantEvents<C>({ formSchema: sinosureForm, documents }),
    returnEvent<C>('liaison'),
    rejectEvent<C>('liaison.decline', 'liaison', bi('不予承保', 'Decline to insure'), 'policy-declined', declineTitle, '六.二'),
    rejectEvent<C>('liaison.decline-policy', 'liaison', bi('否决出单', 'Refuse to issue'), 'policy-declined', declineTitle, '六.二'),
    ...sinosureEvents,
  ],
  rules: {
    ...submissionRules<C>({ formSchema: sinosureForm, documents }),
    ...sinosureRules,
    // 政策 一.(一) and 一.(二) at the start of underwriting (the screening of this programme).
    screening: (c, ev) => screeningReason(c, ev),
  },
  states,
});
