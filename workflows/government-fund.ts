// The lifecycle of a commerce-department grant (special funds 六.一, platform funds 六.四):
// 提交 → 受理 → 初审 → 专家评审 → 公示 → 批复 → 拨付 → 验收 → 办结, or after a failed acceptance
// or a finding of misuse: 追回 → 结清 or 核销.
import { govFundContract } from './government-fund-contract';
import type { z } from 'zod';
import { applicantEvents, rejectEvent, returnEvent, submissionRules } from './application-events';
import { refusalEvents } from './government-fund-refusal';
import { objectionEvents } from './government-fund-objections';
import { defineWorkflow, go, type EventDef, type Rule, type StateDef, type Timer } from './define-workflow';
import { clawbackEvents, clawbackRules, clawbackTimer } from './government-fund-clawback';
import { paymentEvents, paymentRules } from './government-fund-payments';
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

/** What follows the approval: its states, the events and rules they use, the timed events.
 *  The current version is below; workflows/v1/government-fund.ts keeps the first. */
export interface GrantLife {
  version: number;
  states: Record<string, StateDef>;
  events: EventDef<GovFundContext>[];
  rules: Record<string, Rule<GovFundContext>>;
  timer?: (c: GovFundContext, state: string) => Timer | null;
}

/** Implementation (实施) and acceptance (验收), the same in every version; `also` adds events to implementation. */
export function implementationAndAcceptance(hasFinalPayment: boolean, also: StateDef['on'] = {}): Record<string, StateDef> {
  return {
    implementation: {
      label: hasFinalPayment ? bi('实施中（尾款待验收后拨付）', 'Implementation (final payment after acceptance)') : bi('实施中（资金已拨付）', 'Implementation (funds paid)'),
      on: { 'officer.propose-acceptance': go('acceptance'), ...also },
    },
    acceptance: {
      label: bi('验收', 'Acceptance review'),
      on: {
        'approver.accept': go(hasFinalPayment ? 'finalPayment' : 'closed', 'acceptanceFourEyes'),
        'approver.fail-acceptance': go('acceptanceFailed', 'acceptanceFourEyes'),
      },
    },
  };
}

/** Version 2: the finance side pays (four eyes); acceptance compares promises with verified
 *  figures; a failed acceptance or a finding of misuse leads to a clawback decision, closed only
 *  when repaid or written off by decision. Special funds too keep a final share for after acceptance. */
function grantLife(o: GovFundOptions, hasFinalPayment: boolean): GrantLife {
  const payments = (done: string) => ({
    'finance.prepare-payment': go(null, 'paymentPreparable'),
    'finance.release-payment': [go(done, 'releaseCompletes'), go(null, 'releaseWithin')],
    'finance.return-payment': go(null, 'paymentPending'),
  });
  const clawbackable = { 'officer.propose-clawback': go('clawbackProposed', 'clawbackProposable') };
  return {
    version: 2,
    states: {
      disbursement: { label: bi('拨付中（财务拨付）', 'Disbursement (by the finance side)'), on: payments('implementation') },
      ...implementationAndAcceptance(hasFinalPayment, clawbackable),
      ...(hasFinalPayment ? { finalPayment: { label: bi('尾款拨付', 'Final payment'), on: payments('closed') } } : {}),
      acceptanceFailed: { label: bi('验收未通过，待作出追回决定', 'Acceptance failed: a clawback decision is due'), on: clawbackable },
      clawbackProposed: {
        label: bi('追回意见待签发', 'Clawback proposed, awaiting signature'),
        on: {
          'approver.sign-clawback': go('clawback', 'clawbackFourEyes'),
          'approver.decline-clawback': [go('acceptanceFailed', 'backToFailedAcceptance'), go('implementation', 'clawbackFourEyes')],
        },
      },
      clawback: {
        label: bi('追回中', 'Clawback'), initial: 'due',
        on: { 'finance.record-repayment': [go('clawbackSettled', 'repaymentCompletes'), go(null, 'repaymentWithin')], 'officer.propose-write-off': go('writeOffProposed') },
        states: {
          due: { label: bi('追回中（退回期限内）', 'Clawback (repayment not yet due)'), on: { 'system.repayment-overdue': go('clawback.overdue', 'repaymentOverdue') } },
          overdue: { label: bi('追回中（逾期未退回）', 'Clawback (repayment overdue)') },
        },
      },
      writeOffProposed: {
        label: bi('核销意见待签发', 'Write-off proposed, awaiting signature'),
        on: { 'approver.sign-write-off': go('writtenOff', 'writeOffFourEyes'), 'approver.decline-write-off': go('clawback', 'writeOffFourEyes') },
      },
      closed: { label: bi('已办结', 'Closed'), final: true },
      clawbackSettled: { label: bi('追回款已结清，办结', 'Clawback repaid: closed'), final: true },
      writtenOff: { label: bi('应追回款已核销，办结', 'Clawback written off: closed'), final: true },
    },
    events: [...paymentEvents, ...clawbackEvents(o.section)],
    rules: { ...paymentRules, ...clawbackRules() },
    timer: clawbackTimer,
  };
}

export function governmentFund(o: GovFundOptions): Workflow<GovFundContext> {
  // Part of the grant is kept for after acceptance (尾款, 政策 六.四; the special funds' own rule).
  return buildGovernmentFund(o, grantLife(o, o.advanceShare < 1));
}

export function buildGovernmentFund(o: GovFundOptions, life: GrantLife): Workflow<GovFundContext> {
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
    ...life.states,
    rejected: { label: bi('不予支持', 'Rejected'), final: true },
    withdrawn: { label: bi('已撤回', 'Withdrawn'), final: true },
  };
  const refusalTitle = bi('不予支持决定', 'Decision not to support');
  return defineWorkflow<GovFundContext>({
    code: o.code, version: life.version, institution: 'COMMERCE', name: o.name, summary: o.summary, referencePrefix: o.referencePrefix, outsideDesignated: o.outsideDesignated,
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
      ...life.events,
    ],
    rules: { ...submissionRules<GovFundContext>({ ...o, callCategory: o.categoryField }), ...govFundRules(o), ...life.rules },
    states,
    timer: (c, state) => (state === 'publicNotice' && c.noticeEndsAt ? { type: 'system.notice-ended', at: c.noticeEndsAt } : life.timer?.(c, state) ?? null),
  });
}
