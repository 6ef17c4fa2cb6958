// Version 2, kept so that cases begun under it still load and finish; new cases use ../sinosure-credit-insurance.ts.
// 中国出口信用保险公司 credit insurance (政策 六.二): 投保 → 核保 → 出单 (four eyes) → 买方限额、
// 出运申报与保费 → 可能损失通知 → 损失避免, or 索赔 → 赔付 (four eyes) or 拒赔 → 追偿 (shared in the
// insured share); a paid claim does not end the policy; 续保 each year or 到期; 终止 by decision.
import { defineWorkflow, go, type StateDef } from '../define-workflow';
import { bi, dayAfter } from '../policy-guards';
import { signingEvents } from '../prepared-decisions';
import { policyProgramme, proposalEnds, proposalEvents, proposalRules, proposalStates } from '../sinosure-underwriting';
import { policyDecisions, sinosureContext, sinosureEvents, sinosureRules, type SinosureContext } from './sinosure-events';

type C = SinosureContext;

const states: Record<string, StateDef> = {
  ...proposalStates('policy.active'),
  policy: {
    label: bi('保单有效', 'Policy in force'), initial: 'active',
    // Limits and shipments go on while a loss or a claim is handled.
    on: {
      'applicant.request-limit': go(null, 'newLimitRequest'),
      'liaison.approve-limit': go(null, 'limitApprovable'),
      'liaison.refuse-limit': go(null, 'limitPending'),
      'applicant.declare-shipment': go(null, 'shipmentCovered'),
      'liaison.record-recovery': go(null, 'recoveryWithin'),
    },
    states: {
      active: { label: bi('保单有效', 'Policy in force'),
        on: {
          'applicant.notify-loss': go('policy.lossNotified', 'lossCovered'),
          'liaison.prepare-renewal': go(null, 'renewable'),
          'liaison.prepare-close': go(null, 'nothingPrepared'),
          'liaison.sign-decision': [go('closed', 'signs:close'), go(null, 'signs:renewal')],
          'liaison.return-decision': go(null, 'somethingPrepared'),
          'system.policy-expired': go('expired', 'expired'),
        } },
      lossNotified: { label: bi('已报可能损失', 'Possible loss notified'),
        on: { 'applicant.file-claim': go('policy.claimAssessment', 'claimWithinLoss'), 'liaison.record-loss-averted': go('policy.active') } },
      claimAssessment: { label: bi('定损理算', 'Claim assessment'), on: { 'liaison.prepare-claim': go('policy.claimDecision', 'claimAssessed') } },
      claimDecision: { label: bi('理赔审批', 'Claim decision'),
        on: { 'liaison.pay-claim': go('policy.active', 'claimPayable'), 'liaison.refuse-claim': go('policy.active', 'claimFourEyes') } },
    },
  },
  closed: { label: bi('保单已终止', 'Policy closed'), final: true },
  expired: { label: bi('保单到期终止', 'Policy expired'), final: true },
  ...proposalEnds,
};

export const sinosureCreditInsurance = defineWorkflow<C>({
  ...policyProgramme, version: 2,
  initialContext: sinosureContext,
  events: [...proposalEvents<C>(), ...sinosureEvents, ...signingEvents<C>(policyDecisions)],
  rules: { ...proposalRules<C>(), ...sinosureRules },
  states,
  // The policy year ends unless renewed; a loss or claim in hand is dealt with first.
  timer: (c, state) => (state === 'policy.active' && c.policyEnd ? { type: 'system.policy-expired', at: dayAfter(c.policyEnd) } : null),
});
