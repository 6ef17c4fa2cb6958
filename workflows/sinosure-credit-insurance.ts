// 中国出口信用保险公司 short-term export credit insurance (政策 六.二), version 3: 投保 → 核保 →
// 出单 (four eyes) → a policy year with several buyers and their credit limits, shipments declared
// within the limits, premium invoiced and paid (overdue premium suspends cover of new shipments),
// several losses and claims at once, recoveries; 续保 each year or 到期, 终止 by a signed decision;
// what was shipped or lost under the policy runs off before the case closes.
// Earlier versions (./v1, ./v2) keep the cases they started.
import { z } from 'zod';
import { defineWorkflow, go, type EventDef, type StateDef } from './define-workflow';
import { bi } from './policy-guards';
import { signingEvents } from './prepared-decisions';
import { beijingDay, policyTimer, policyYear, sinosureBook, type Buyer, type SinosureBook } from './sinosure-book';
import { claimEvents, claimRules, policyDecisions } from './sinosure-claim-events';
import { coverEvents, coverRules, decided } from './sinosure-cover-events';
import { policyProgramme, proposalEnds, proposalEvents, proposalRules, proposalStates } from './sinosure-underwriting';

export { SINOSURE_LIMITS, sinosureExample, sinosureForm } from './sinosure-underwriting';

type C = SinosureBook;

const states: Record<string, StateDef> = {
  ...proposalStates('policy.cover.active'),
  policy: {
    label: bi('保单', 'Policy'), initial: 'cover',
    // What was shipped and lost under the policy is dealt with while cover lasts and after it ends.
    on: {
      'applicant.report-payment': go(null, 'paymentWithin'),
      'applicant.notify-loss': go(null, 'lossNotifiable'),
      'applicant.file-claim': go(null, 'claimWithinLoss'),
      'liaison.prepare-claim': go(null, 'claimAssessed'),
      'liaison.pay-claim': go(null, 'claimPayable'),
      'liaison.refuse-claim': go(null, 'claimRefusable'),
      'liaison.record-loss-averted': go(null, 'lossOpen'),
      'liaison.record-recovery': go(null, 'recoveryWithin'),
      'liaison.invoice-premium': go(null, 'invoiceable'),
      'liaison.record-premium': go(null, 'premiumWithin'),
      'system.notice-period-ended': go(null, 'noticeLapsed'),
    },
    states: {
      cover: {
        label: bi('保险责任期间', 'Cover in force'), initial: 'active',
        on: {
          'applicant.request-limit': go(null, 'newLimitRequest'),
          'liaison.approve-limit': go(null, 'limitApprovable'),
          'liaison.refuse-limit': go(null, 'limitRequested'),
          'liaison.reduce-limit': go(null, 'limitReducible'),
          'liaison.cancel-limit': go(null, 'limitApproved'),
          'applicant.declare-shipment': go(null, 'shipmentCovered'),
          'liaison.prepare-close': go(null, 'nothingPrepared'),
          'liaison.sign-decision': [go('closed', 'closesClean'), go('policy.runOff', 'signs:close')],
          'liaison.return-decision': go(null, 'somethingPrepared'),
          'system.policy-expired': [go('expired', 'expiresClean'), go('policy.runOff', 'expired')],
        },
        states: {
          active: { label: bi('保单有效', 'Policy in force'),
            on: {
              'liaison.prepare-renewal': go(null, 'renewable'),
              'liaison.sign-decision': go(null, 'signs:renewal'),
              'system.premium-overdue': go('policy.cover.suspended', 'premiumOverdue'),
            } },
          suspended: { label: bi('保费逾期，新出运保险责任中止', 'Premium overdue: new shipments not covered'),
            on: { 'liaison.record-premium': [go('policy.cover.active', 'curesOverdue'), go(null, 'premiumWithin')] } },
        },
      },
      runOff: { label: bi('保险期间已结束，处理已申报出运及损失', 'Cover ended: shipments and losses run off'),
        on: { 'system.run-off-ended': [go('closed', 'runOffClosed'), go('expired', 'runOffDone')] } },
    },
  },
  closed: { label: bi('保单已终止', 'Policy closed'), final: true },
  expired: { label: bi('保单到期终止', 'Policy expired'), final: true },
  ...proposalEnds,
};

const issuePolicy: EventDef<C> = {
  type: 'liaison.issue-policy', label: bi('签发保单', 'Issue the policy'), roles: ['liaison'],
  schema: z.object({ policyNo: z.string().trim().min(3).max(60).describe('保单号 / Policy number') }).strict(),
  // The first policy year starts today (Beijing); the buyers named in the proposal await their limits.
  effect: (c, ev) => {
    const named = (c.form.buyers as { name: string; country: string; requestedLimit: number }[]) ?? [];
    const buyers: Buyer[] = named.map((b, i) => ({ id: i + 1, name: b.name, country: b.country, status: 'pending', limit: 0, requested: b.requestedLimit, exposure: 0, declared: 0, indemnified: 0, admitted: 0, recovered: 0 }));
    return { policyNo: String(ev.data.policyNo), issuedBy: ev.actor.id, period: policyYear(1, beijingDay(ev.facts.now)), coverStart: beijingDay(ev.facts.now), buyers, seq: buyers.length };
  },
  example: (c) => ({ policyNo: `SIN-${(c.lastEventAt ?? '2026').slice(0, 4)}-${String(c.requestedAmount).slice(0, 6)}` }),
  decision: (_b, a) => decided('policy-issued', ['承保决定', 'Underwriting decision'], a.terms?.maxLiability ?? null,
    `保单 ${a.policyNo}，保险期间 ${a.period?.start} 至 ${a.period?.end} / Policy ${a.policyNo}, cover from ${a.period?.start} to ${a.period?.end}`,
    `费率 ${a.terms?.premiumRate}，赔偿比例 ${a.terms?.insuredPercentage}% / premium rate ${a.terms?.premiumRate}, insured ${a.terms?.insuredPercentage}%`),
};

export const sinosureCreditInsurance = defineWorkflow<C>({
  ...policyProgramme, version: 3,
  initialContext: sinosureBook,
  events: [
    ...proposalEvents<C>(),
    issuePolicy,
    ...coverEvents,
    ...claimEvents,
    ...signingEvents<C>(policyDecisions),
  ],
  rules: { ...proposalRules<C>(), ...coverRules, ...claimRules },
  states,
  timer: policyTimer,
});
