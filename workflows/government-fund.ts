// The lifecycle of a commerce-department grant (special funds 六.一, platform funds 六.四):
// 提交 → 受理 → 初审 → 专家评审 → 公示 → 批复 → 拨付 → 验收 → 办结.
import { govFundContract } from './government-fund-contract';
import type { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, submissionRules } from './application-events';
import { refusalEvents } from './government-fund-refusal';
import { objectionEvents } from './government-fund-objections';
import { defineWorkflow, go, type StateDef } from './define-workflow';
import type { FormCheck } from './form-checks';
import {
  govFundContext, govFundEvents, govFundRules, type GovFundContext, type GovFundLimits,
} from './government-fund-events';
import { bi } from './policy-guards';
import type { Bilingual, DocumentKind, OutsideDesignated, Workflow } from './types';

export interface GovFundOptions extends GovFundLimits {
  code: 'special-fund' | 'trade-platform-grant';
  referencePrefix: string;
  outsideDesignated: OutsideDesignated;
  /** The form field of the category a call (申报指南) funds. */
  categoryField: string;
  name: Bilingual;
  summary: Bilingual;
  formSchema: z.ZodObject<any>;
  formExample: Record<string, unknown>;
  formChecks: FormCheck[];
  documents: DocumentKind[];
}

const withdrawable = { 'applicant.withdraw': go('withdrawn') };
// Public objections are resolved during the notice or before the approval is signed.
const objections = { 'officer.dismiss-objection': go(null, 'objectionOpen'), 'officer.uphold-objection': go('review.expert', 'objectionOpen') };
// A refusal in review is proposed by the officer and signed by the approver (four eyes).
const returnable = { 'officer.return': go('amendment'), 'officer.reject': go('refusalProposed') };

export function governmentFund(o: GovFundOptions): Workflow<GovFundContext> {
  // Platform grants keep a final payment (尾款) for after acceptance (政策 六.四); special funds pay in full before.
  const hasFinalPayment = o.advanceShare < 1;
  const states: Record<string, StateDef> = {
    draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'submissionComplete'), ...withdrawable } },
    submitted: { label: bi('已提交，待受理', 'Submitted, awaiting acceptance for review'), on: { 'officer.accept': go('review.preliminary'), ...returnable, ...withdrawable } },
    amendment: { label: bi('退回补正', 'Returned for amendment'), on: { 'applicant.resubmit': go('submitted', 'submissionComplete'), ...withdrawable } },
    review: {
      label: bi('审查', 'Review'), initial: 'preliminary',
      states: {
        preliminary: { label: bi('初审', 'Preliminary review'), on: { 'officer.pass-screening': go('review.expert', 'screening'), ...returnable, ...withdrawable } },
        expert: {
          label: bi('专家评审', 'Expert review'),
          on: {
            'officer.assign-experts': go(null, 'panel'),
            'expert.score': go(null, 'canScore'),
            'officer.recommend': go('publicNotice', 'recommendable'),
            ...returnable, ...withdrawable,
          },
        },
      },
    },
    refusalProposed: {
      label: bi('不予支持待签发', 'Refusal proposed, awaiting signature'),
      on: {
        'approver.sign-refusal': go('rejected', 'refusalFourEyes'),
        'approver.decline-refusal': [go('review.expert', 'backToExpertReview'), go('review.preliminary', 'refusalFourEyes')],
        ...withdrawable,
      },
    },
    publicNotice: {
      label: bi('公示', 'Public notice'),
      on: { 'officer.record-objection': go('review.expert'), 'system.notice-ended': go('approval', 'noticeOver'), ...objections, ...withdrawable },
    },
    approval: {
      label: bi('待批复', 'Awaiting the approval decision'),
      on: { 'approver.approve': go('disbursement', 'approvable'), 'approver.refuse': go('rejected', 'decisionFourEyes'), ...objections, ...withdrawable },
    },
    disbursement: {
      label: bi('拨付中', 'Disbursement'),
      on: { 'officer.disburse': [go('implementation', 'trancheCompletes'), go(null, 'trancheWithin')] },
    },
    implementation: {
      label: hasFinalPayment ? bi('实施中（尾款待验收后拨付）', 'Implementation (final payment after acceptance)') : bi('实施中（资金已拨付）', 'Implementation (funds paid)'),
      on: { 'officer.propose-acceptance': go('acceptance') },
    },
    acceptance: {
      label: bi('验收', 'Acceptance review'),
      on: {
        'approver.accept': go(hasFinalPayment ? 'finalPayment' : 'closed', 'acceptanceFourEyes'),
        'approver.fail-acceptance': go('acceptanceFailed', 'acceptanceFourEyes'),
      },
    },
    ...(hasFinalPayment ? {
      finalPayment: { label: bi('尾款拨付', 'Final payment'), on: { 'officer.disburse': [go('closed', 'trancheCompletes'), go(null, 'trancheWithin')] } },
    } : {}),
    closed: { label: bi('已办结', 'Closed'), final: true },
    acceptanceFailed: { label: bi('验收未通过', 'Acceptance failed'), final: true },
    rejected: { label: bi('不予支持', 'Rejected'), final: true },
    withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
  };
  const refusalTitle = bi('不予支持决定', 'Decision not to support');
  return defineWorkflow<GovFundContext>({
    code: o.code, institution: 'COMMERCE', name: o.name, summary: o.summary, referencePrefix: o.referencePrefix, outsideDesignated: o.outsideDesignated,
    // A commerce department takes grant applications only against an open call (申报指南).
    calls: { categoryField: o.categoryField },
    ...govFundContract,
    formSchema: o.formSchema, formExample: o.formExample, formChecks: o.formChecks, documents: o.documents,
    initialContext: govFundContext,
    events: [
      ...applicantEvents<GovFundContext>(o),
      returnEvent<GovFundContext>('officer'),
      ...refusalEvents(refusalTitle, o.section),
      // The approver refuses the file the officer prepared for approval: the officer prepared it.
      rejectEvent<GovFundContext>('approver.refuse', 'approver', bi('不予批准', 'Refuse'), 'refused', refusalTitle, o.section,
        { preparer: (c) => c.recommendation?.by ?? c.preparedBy[0] ?? null, eia: true }),
      ...govFundEvents(o),
      ...objectionEvents<GovFundContext>(),
    ],
    rules: { ...submissionRules<GovFundContext>({ ...o, callCategory: o.categoryField }), ...govFundRules(o) },
    states,
    timer: (c, state) => (state === 'publicNotice' && c.noticeEndsAt ? { type: 'system.notice-ended', at: c.noticeEndsAt } : null),
  });
}
