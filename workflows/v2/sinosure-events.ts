// Version 2, kept for the policies it started. Events and rules of Sinosure export / domestic trade credit insurance (政策 六.二) once a
// policy is in force: buyer credit limits, shipment declarations, losses, claims, recovery.
import { z } from 'zod';
import { baseContext, type CaseContext } from '../application-events';
import type { EventDef, Rule } from '../define-workflow';
import { countryCode, isoDate, note, positiveYuan, reason, text } from '../form-fields';
import { addDays, atField, bi, ceilingReason, dayAfter, fourEyesReason, num, yuan, yuanEn } from '../policy-guards';
import { basisLine, prepareEvent, signingRules, type DecisionKind, type PreparedContext } from '../prepared-decisions';
import type { DecisionSpec, FieldChoice, FieldHint } from '../types';

export type BuyerLimit = {
  id: number; buyerName: string; country: string; requested: number;
  status: 'pending' | 'approved' | 'refused'; approved: number | null; decidedBy: number | null; reason: string | null;
};

export type SinosureContext = CaseContext & PreparedContext & {
  preparedBy: number[];   // the underwriter who prepared the policy terms (four eyes at issue)
  terms: { premiumRate: number; insuredPercentage: number; maxLiability: number } | null;
  policyNo: string | null;
  issuedBy: number | null;
  limits: BuyerLimit[];
  shipments: { buyerName: string; invoiceNo: string; amount: number; shippedOn: string; premium: number; at: string }[];
  premiumTotal: number;
  loss: { buyerName: string; amount: number; reason: string; at: string } | null;
  claim: { amount: number; filedAt: string; preparedBy: number | null; assessedLoss: number | null; recommended: number | null } | null;
  indemnityPaid: number | null;
  claimDecidedBy: number | null;
  claimsRefused: number;
  recovered: number;
  policyEnd: string | null;          // last day of the current policy year (YYYY-MM-DD)
  periods: number;                   // policy years: 1 at issue, +1 per renewal
  claims: { buyerName: string; assessedLoss: number; paid: number; at: string }[]; // claims paid
  lossesAverted: number;             // losses notified that the buyer paid after all
  recoveries: { amount: number; toInsurer: number; toInsured: number; at: string }[];
};

export function sinosureContext(form: Record<string, unknown>): SinosureContext {
  return {
    ...baseContext(form), preparedBy: [], terms: null, policyNo: null, issuedBy: null, limits: [], shipments: [],
    premiumTotal: 0, loss: null, claim: null, indemnityPaid: null, claimDecidedBy: null, claimsRefused: 0, recovered: 0,
    pending: null, decisionsSigned: 0, policyEnd: null, periods: 0, claims: [], lossesAverted: 0, recoveries: [],
  };
}

type C = SinosureContext;
const pending = (c: C, id: unknown) => c.limits.find((l) => l.id === num(id) && l.status === 'pending');
const approvedLimit = (c: C, buyer: unknown) => c.limits.find((l) => l.buyerName === buyer && l.status === 'approved');
const shippedTo = (c: C, buyer: unknown) => c.shipments.filter((s) => s.buyerName === buyer).reduce((t, s) => t + s.amount, 0);
/** 保险责任: the insured percentage of the assessed loss, within the policy's maximum liability. */
export const insuredShare = (c: C) => Math.min(Math.floor(num(c.claim?.assessedLoss) * num(c.terms?.insuredPercentage) / 100), num(c.terms?.maxLiability));
const decided = (outcome: string, title: [string, string], amount: number | null, reasons: string | null, conditions: string | null = null): DecisionSpec =>
  ({ outcome, title: bi(...title), amount, conditions, reasons, section: '六.二' });
const firstBuyer = (c: C) => String((c.form.buyers as { name?: string }[] | undefined)?.[0]?.name ?? 'Buyer');
const hint = (zh: string, en: string, value: number, unit: FieldHint['unit'] = 'yuan'): FieldHint => ({ label: bi(zh, en), value, unit });
/** The pending buyer credit-limit requests, to choose from by buyer rather than by number. */
const pendingChoices = (c: C): Record<string, FieldChoice[]> => ({
  requestId: c.limits.filter((l) => l.status === 'pending').map((l) => ({
    value: l.id,
    label: bi(`${l.buyerName}（申请限额 ${yuan(l.requested)}）`, `${l.buyerName} (limit requested ${yuanEn(l.requested)})`),
  })),
});
const requestId = z.number().int().positive().describe('买方限额申请 / Buyer credit-limit request');
const noPending = bi('没有待审批的买方限额申请', 'No pending buyer credit-limit request with this id');

export const policyDecisions: Record<string, DecisionKind<C>> = {
  renewal: { label: bi('续保', 'Renewal'),
    apply: (c) => ({ periods: c.periods + 1, policyEnd: addDays(`${c.policyEnd}T00:00:00Z`, 365).slice(0, 10) }),
    letter: (_b, a, p) => ({ ...decided('policy-renewed', ['续保决定', 'Renewal decision'], a.terms?.maxLiability ?? null, basisLine(p),
      `保险期间至 ${a.policyEnd} / Cover until ${a.policyEnd}`), preparedBy: p.by }) },
  close: { label: bi('保单终止', 'Closing the policy'), apply: () => ({}),
    letter: (_b, _a, p) => ({ ...decided('policy-closed', ['保单终止决定', 'Decision closing the policy'], null, basisLine(p)), preparedBy: p.by }) },
};
const policySigning = signingRules<C>(policyDecisions);

export const sinosureRules: Record<string, Rule<C>> = {
  newLimitRequest: (c, ev) => (c.limits.some((l) => l.buyerName === ev.data.buyerName && l.status === 'pending')
    ? bi('该买方已有待审批的限额申请', 'This buyer already has a pending limit request') : null),
  limitApprovable: (c, ev) => {
    const request = pending(c, ev.data.requestId);
    return request ? ceilingReason(num(ev.data.amount), request.requested, bi('批复限额', 'The limit')) : atField('requestId', noPending);
  },
  limitPending: (c, ev) => (pending(c, ev.data.requestId) ? null : atField('requestId', noPending)),
  shipmentCovered: (c, ev) => {
    const limit = approvedLimit(c, ev.data.buyerName);
    if (!limit) return atField('buyerName', bi('该买方没有已批复的信用限额', 'This buyer has no approved credit limit'));
    // A declaration is of goods already shipped: not after today (Beijing time).
    const today = addDays(ev.facts.now, 8 / 24).slice(0, 10);
    if (String(ev.data.shippedOn) > today) return atField('shippedOn', bi(`出运日期不得晚于今天（${today}）`, `The shipment date may not be after today (${today})`));
    return ceilingReason(num(ev.data.amount), num(limit.approved), bi('出运金额', 'The shipment'));
  },
  lossCovered: (c, ev) => {
    const shipped = shippedTo(c, ev.data.buyerName);
    if (shipped === 0) return atField('buyerName', bi('未向该买方申报出运，不在保险责任内', 'No shipment to this buyer was declared: not covered'));
    return ceilingReason(num(ev.data.amount), shipped, bi('损失金额', 'The loss'));
  },
  claimWithinLoss: (c, ev) => ceilingReason(num(ev.data.amount), num(c.loss?.amount), bi('索赔金额', 'The claim')),
  claimAssessed: (c, ev) => {
    const assessed = num(ev.data.assessedLoss);
    const share = Math.min(Math.floor(assessed * num(c.terms?.insuredPercentage) / 100), num(c.terms?.maxLiability));
    return ceilingReason(assessed, num(c.claim?.amount), bi('核定损失', 'The assessed loss'), 'assessedLoss')
      ?? ceilingReason(num(ev.data.recommendedIndemnity), share, bi('建议赔款（赔偿比例内）', 'The indemnity (insured share)'), 'recommendedIndemnity');
  },
  claimPayable: (c, ev) => fourEyesReason(ev.actor.id, [c.claim?.preparedBy])
    ?? atField('amount', ceilingReason(num(ev.data.amount), insuredShare(c), bi('赔款金额（赔偿比例内）', 'The indemnity (insured share)')))
    ?? atField('amount', ceilingReason(num(ev.data.amount), num(approvedLimit(c, c.loss?.buyerName)?.approved), bi('赔款金额（买方信用限额内）', 'The indemnity (within the buyer\'s credit limit)'))),
  claimFourEyes: (c, ev) => fourEyesReason(ev.actor.id, [c.claim?.preparedBy]),
  recoveryWithin: (c, ev) => atField('amount', ceilingReason(num(ev.data.amount), c.claims.reduce((t, x) => t + x.assessedLoss, 0) - c.recovered, bi('追偿金额', 'The recovery'))),
  ...policySigning,
  renewable: (c, ev) => policySigning.nothingPrepared!(c, ev)
    ?? (Date.parse(ev.facts.now) < Date.parse(dayAfter(String(c.policyEnd))) ? null : bi('保单已到期，不能续保', 'The policy year has ended: it cannot be renewed')),
  expired: (c, ev) => (c.policyEnd && Date.parse(ev.facts.now) >= Date.parse(dayAfter(c.policyEnd)) ? null : bi('保单尚未到期', 'The policy year has not ended')),
};

const buyerFields = { buyerName: text(2, 200, '买方名称 / Buyer name'), country: countryCode };

export const sinosureEvents: EventDef<C>[] = [
  { type: 'liaison.issue-policy', label: bi('签发保单', 'Issue the policy'), roles: ['liaison'],
    schema: z.object({ policyNo: z.string().trim().min(3).max(60).describe('保单号 / Policy number') }).strict(),
    // The buyers named in the proposal become the first credit-limit requests.
    effect: (c, ev) => ({
      policyNo: String(ev.data.policyNo), issuedBy: ev.actor.id, periods: 1, policyEnd: addDays(ev.facts.now, 364).slice(0, 10),
      limits: ((c.form.buyers as { name: string; country: string; requestedLimit: number }[]) ?? []).map((b, i) => ({
        id: i + 1, buyerName: b.name, country: b.country, requested: b.requestedLimit, status: 'pending' as const, approved: null, decidedBy: null, reason: null,
      })),
    }),
    example: (c) => ({ policyNo: `SIN-${(c.lastEventAt ?? '2026').slice(0, 4)}-${String(c.requestedAmount).slice(0, 6)}` }),
    decision: (_b, a) => decided('policy-issued', ['承保决定', 'Underwriting decision'], a.terms?.maxLiability ?? null,
      `保单 ${a.policyNo} / Policy ${a.policyNo}`, `费率 ${a.terms?.premiumRate}，赔偿比例 ${a.terms?.insuredPercentage}% / premium rate ${a.terms?.premiumRate}, insured ${a.terms?.insuredPercentage}%`) },
  { type: 'applicant.request-limit', label: bi('申请买方信用限额', 'Request a buyer credit limit'), roles: ['applicant'], optional: true,
    schema: z.object({ ...buyerFields, amount: positiveYuan('申请限额 / Limit requested') }).strict(),
    effect: (c, ev) => ({ limits: [...c.limits, { id: c.limits.length + 1, buyerName: String(ev.data.buyerName), country: String(ev.data.country), requested: num(ev.data.amount), status: 'pending' as const, approved: null, decidedBy: null, reason: null }] }),
    example: (c) => ({ buyerName: `Buyer ${c.limits.length + 1} GmbH`, country: 'DE', amount: 2_000_000 }) },
  { type: 'liaison.approve-limit', label: bi('批复买方限额', 'Approve a buyer credit limit'), roles: ['liaison'],
    schema: z.object({ requestId, amount: positiveYuan('批复限额 / Limit approved') }).strict(),
    amountField: 'amount', choices: pendingChoices,
    effect: (c, ev) => ({ limits: c.limits.map((l) => (l.id === num(ev.data.requestId) ? { ...l, status: 'approved' as const, approved: num(ev.data.amount), decidedBy: ev.actor.id } : l)) }),
    example: (c) => { const p = c.limits.find((l) => l.status === 'pending'); return { requestId: p?.id ?? 1, amount: p?.requested ?? 1 }; },
    decision: (_b, a, ev) => decided('credit-limit-approved', ['买方信用限额批复', 'Buyer credit-limit decision'], num(ev.data.amount),
      `买方 ${a.limits.find((l) => l.id === num(ev.data.requestId))?.buyerName}`) },
  { type: 'liaison.refuse-limit', label: bi('拒绝买方限额', 'Refuse a buyer credit limit'), roles: ['liaison'],
    schema: z.object({ requestId, reason }).strict(),
    choices: pendingChoices,
    effect: (c, ev) => ({ limits: c.limits.map((l) => (l.id === num(ev.data.requestId) ? { ...l, status: 'refused' as const, decidedBy: ev.actor.id, reason: String(ev.data.reason) } : l)) }),
    example: (c) => ({ requestId: c.limits.find((l) => l.status === 'pending')?.id ?? 1, reason: '买方资信不足 / Buyer creditworthiness insufficient' }),
    decision: (_b, _a, ev) => decided('credit-limit-refused', ['买方信用限额批复', 'Buyer credit-limit decision'], null, String(ev.data.reason)) },
  { type: 'applicant.declare-shipment', label: bi('出运申报', 'Declare a shipment'), roles: ['applicant'], optional: true,
    schema: z.object({ buyerName: buyerFields.buyerName, invoiceNo: text(1, 60, '发票号 / Invoice number'), amount: positiveYuan('发票金额 / Invoice amount'), shippedOn: isoDate('出运日期 / Shipment date') }).strict(),
    // The premium is the policy's rate on the declared amount (保费 = 申报金额 × 费率).
    effect: (c, ev) => {
      const premium = Math.round(num(ev.data.amount) * num(c.terms?.premiumRate));
      return { premiumTotal: c.premiumTotal + premium, shipments: [...c.shipments, { buyerName: String(ev.data.buyerName), invoiceNo: String(ev.data.invoiceNo), amount: num(ev.data.amount), shippedOn: String(ev.data.shippedOn), premium, at: ev.facts.now }] };
    },
    example: (c) => {
      const limit = c.limits.find((l) => l.status === 'approved');
      return { buyerName: limit?.buyerName ?? firstBuyer(c), invoiceNo: `INV-${c.shipments.length + 1}`, amount: Math.max(1, Math.floor(num(limit?.approved) / 2)), shippedOn: (c.lastEventAt ?? '2026-01-01').slice(0, 10) };
    } },
  { type: 'applicant.notify-loss', label: bi('可能损失通知', 'Notify a possible loss'), roles: ['applicant'],
    schema: z.object({ buyerName: buyerFields.buyerName, amount: positiveYuan('损失金额 / Amount at risk'), reason }).strict(),
    effect: (_c, ev) => ({ loss: { buyerName: String(ev.data.buyerName), amount: num(ev.data.amount), reason: String(ev.data.reason), at: ev.facts.now }, claim: null }),
    example: (c) => { const buyer = c.shipments[0]?.buyerName ?? firstBuyer(c); return { buyerName: buyer, amount: Math.max(1, shippedTo(c, buyer)), reason: '买方逾期未付款 / Buyer has not paid when due' }; } },
  { type: 'applicant.file-claim', label: bi('提出索赔', 'File a claim'), roles: ['applicant'],
    schema: z.object({ amount: positiveYuan('索赔金额 / Amount claimed') }).strict(),
    effect: (_c, ev) => ({ claim: { amount: num(ev.data.amount), filedAt: ev.facts.now, preparedBy: null, assessedLoss: null, recommended: null } }),
    example: (c) => ({ amount: num(c.loss?.amount) }),
    hints: (c) => ({ amount: [hint('已通知的损失金额', 'Loss notified', num(c.loss?.amount))] }) },
  { type: 'liaison.prepare-claim', label: bi('定损理算', 'Assess the claim'), roles: ['liaison'],
    schema: z.object({ assessedLoss: positiveYuan('核定损失 / Assessed loss'), recommendedIndemnity: positiveYuan('建议赔款 / Recommended indemnity') }).strict(),
    hints: (c) => ({
      assessedLoss: [hint('索赔金额', 'Amount claimed', num(c.claim?.amount))],
      recommendedIndemnity: [hint('赔偿比例（%）', 'Insured percentage (%)', num(c.terms?.insuredPercentage), 'count'), hint('最高赔偿限额', 'Maximum liability', num(c.terms?.maxLiability))],
    }),
    effect: (c, ev) => ({ claim: { ...c.claim!, preparedBy: ev.actor.id, assessedLoss: num(ev.data.assessedLoss), recommended: num(ev.data.recommendedIndemnity) } }),
    example: (c) => {
      const assessed = num(c.claim?.amount);
      return { assessedLoss: assessed, recommendedIndemnity: Math.max(1, Math.min(Math.floor(assessed * num(c.terms?.insuredPercentage) / 100), num(c.terms?.maxLiability))) };
    } },
  { type: 'liaison.pay-claim', label: bi('赔付', 'Pay the indemnity'), roles: ['liaison'],
    schema: z.object({ amount: positiveYuan('赔款 / Indemnity') }).strict(),
    amountField: 'amount',
    hints: (c) => ({ amount: [hint('定损建议赔款', 'Recommended by the assessment', num(c.claim?.recommended)), hint('最多可赔（赔偿比例内）', 'At most (insured share)', insuredShare(c))] }),
    // A paid claim closes that loss, not the policy.
    effect: (c, ev) => ({
      indemnityPaid: num(c.indemnityPaid) + num(ev.data.amount), claimDecidedBy: ev.actor.id, loss: null, claim: null,
      claims: [...c.claims, { buyerName: String(c.loss?.buyerName), assessedLoss: num(c.claim?.assessedLoss), paid: num(ev.data.amount), at: ev.facts.now }],
    }),
    example: (c) => ({ amount: Math.max(1, Math.min(num(c.claim?.recommended), insuredShare(c), num(approvedLimit(c, c.loss?.buyerName)?.approved))) }),
    decision: (b, _a, ev) => ({ ...decided('claim-paid', ['理赔决定', 'Claim decision'], num(ev.data.amount), `核定损失 ${yuan(num(b.claim?.assessedLoss))} / Assessed loss ${yuanEn(num(b.claim?.assessedLoss))}`), preparedBy: b.claim?.preparedBy ?? null }) },
  { type: 'liaison.refuse-claim', label: bi('拒赔', 'Refuse the claim'), roles: ['liaison'],
    schema: z.object({ reason }).strict(),
    effect: (c, ev) => ({ claimDecidedBy: ev.actor.id, claimsRefused: c.claimsRefused + 1, loss: null, claim: null }),
    example: () => ({ reason: '损失不属于保险责任范围 / The loss is outside the cover' }),
    decision: (_b, _a, ev) => decided('claim-refused', ['理赔决定', 'Claim decision'], null, String(ev.data.reason)) },
  { type: 'liaison.record-recovery', label: bi('登记追偿款', 'Record a recovery'), roles: ['liaison'], optional: true,
    schema: z.object({ amount: positiveYuan('追回金额 / Amount recovered') }).strict(),
    // Shared as the loss was: Sinosure keeps the insured percentage, the insured the rest.
    effect: (c, ev) => {
      const toInsurer = Math.round(num(ev.data.amount) * num(c.terms?.insuredPercentage) / 100);
      return { recovered: c.recovered + num(ev.data.amount), recoveries: [...c.recoveries, { amount: num(ev.data.amount), toInsurer, toInsured: num(ev.data.amount) - toInsurer, at: ev.facts.now }] };
    },
    example: (c) => ({ amount: Math.max(1, Math.floor((c.claims.reduce((t, x) => t + x.assessedLoss, 0) - c.recovered) / 2)) }) },
  { type: 'liaison.record-loss-averted', label: bi('登记损失已避免（买方已付款）', 'Record the loss averted (the buyer paid)'), roles: ['liaison'],
    schema: z.object({ note }).strict(),
    effect: (c) => ({ loss: null, claim: null, lossesAverted: c.lossesAverted + 1 }),
    example: () => ({ note: '买方已全额付款 / The buyer paid in full' }) },
  prepareEvent<C>({ type: 'liaison.prepare-renewal', kind: 'renewal', label: bi('拟定续保', 'Prepare the renewal'),
    schema: z.object({ reason }).strict(), example: () => ({ reason: '续保下一保险年度 / Renew for the next policy year' }) }),
  prepareEvent<C>({ type: 'liaison.prepare-close', kind: 'close', label: bi('拟定保单终止', 'Prepare closing the policy'),
    schema: z.object({ reason, basis: text(2, 500, '保单条款依据 / Policy clause') }).strict(),
    example: () => ({ reason: '被保险人申请退保 / The insured asks to end the cover', basis: '保单条款第二十条 / Policy clause 20' }) }),
  { type: 'system.policy-expired', label: bi('保单到期', 'Policy year ended'), roles: ['system'], schema: z.object({}).strict(), example: () => ({}) },
];
