// Sinosure losses and claims (政策 六.二), version 3: several possible losses open at once, each
// on one shipment and notified within its deadline; claim, assessment (理算), indemnity = the
// insured share of the admitted loss within the buyer's limit and the year's maximum liability,
// paid or refused by someone other than the assessor; "loss averted" when the buyer pays after
// all; recoveries after payment shared in the insured share. The policy year, its renewal, its
// end at expiry or by a signed decision, and the run-off of what is still open.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { note, positiveYuan, reason, text } from './form-fields';
import { atField, bi, ceilingReason, dayAfter, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import { basisLine, prepareEvent, signingRules, type DecisionKind } from './prepared-decisions';
import {
  beijingDay, buyerOf, choice, datePlus, indemnityCap, lossOf, noticeDeadline, nothing, nothingOpen, pct, policyYear, settleShipment,
  shipmentOf, type Loss, type SinosureBook,
} from './sinosure-book';
import { decided, shipmentChoices, unpaidShipments } from './sinosure-cover-events';
import type { FieldChoice, FieldHint } from './types';

type C = SinosureBook;
type Stage = 'notified' | 'claimed' | 'assessed';
const stage = (l: Loss): Stage => (l.assessedLoss !== null ? 'assessed' : l.claimed !== null ? 'claimed' : 'notified');
const hint = (zh: string, en: string, value: number, unit: FieldHint['unit'] = 'yuan'): FieldHint => ({ label: bi(zh, en), value, unit });
const lossId = z.number().int().positive().describe('可能损失 / Possible loss');
const lossChoices = (c: C, stages: Stage[]): FieldChoice[] => c.losses.filter((l) => stages.includes(stage(l))).map((l) => {
  const what = l.assessedLoss !== null ? [`核定损失 ${yuan(l.assessedLoss)}`, `assessed ${yuanEn(l.assessedLoss)}`] : l.claimed !== null ? [`索赔 ${yuan(l.claimed)}`, `claimed ${yuanEn(l.claimed)}`] : [`损失 ${yuan(l.amount)}`, `loss ${yuanEn(l.amount)}`];
  return choice(l.id, `${buyerOf(c, l.buyerId)?.name}：${what[0]}`, `${buyerOf(c, l.buyerId)?.name}: ${what[1]}`);
});
const firstAt = (c: C, stages: Stage[]) => c.losses.find((l) => stages.includes(stage(l)));
const NO_LOSS: Record<string, ReturnType<typeof nothing>> = {
  notified: nothing('待索赔的可能损失', 'notified loss awaiting a claim', 'lossId'),
  claimed: nothing('待理算的索赔', 'claim awaiting assessment', 'lossId'),
  assessed: nothing('已理算待决定的索赔', 'assessed claim awaiting decision', 'lossId'),
  open: nothing('未结的可能损失', 'open loss', 'lossId'),
};
const atStage = (c: C, id: unknown, stages: Stage[]) => { const l = lossOf(c, id); return l && stages.includes(stage(l)) ? l : undefined; };
const recoverable = (c: C) => c.buyers.filter((b) => b.admitted > b.recovered);
const SHARE = bi('赔款（赔偿比例、买方限额及年度最高赔偿限额内）', 'The indemnity (insured share, within the buyer\'s limit and the year\'s maximum liability)');

export const policyDecisions: Record<string, DecisionKind<C>> = {
  // 续保: the next policy year begins the day after this one ends.
  renewal: { label: bi('续保', 'Renewal'),
    apply: (c) => ({ period: policyYear(num(c.period?.no) + 1, datePlus(String(c.period?.end), 1)), periodIndemnity: 0 }),
    letter: (_b, a, p) => ({ ...decided('policy-renewed', ['续保决定', 'Renewal decision'], a.terms?.maxLiability ?? null, basisLine(p),
      `第 ${a.period?.no} 保险年度：${a.period?.start} 至 ${a.period?.end} / Policy year ${a.period?.no}: ${a.period?.start} to ${a.period?.end}`), preparedBy: p.by }) },
  close: { label: bi('保单终止', 'Closing the policy'), apply: () => ({ ending: 'close' as const }),
    letter: (_b, a, p) => ({ ...decided('policy-closed', ['保单终止决定', 'Decision closing the policy'], null, basisLine(p),
      nothingOpen(a) ? null : `已申报出运及未结损失按保单条款处理完毕 / Shipments declared and open losses run off under the policy`), preparedBy: p.by }) },
};
const signing = signingRules<C>(policyDecisions);

export const claimRules: Record<string, Rule<C>> = {
  lossNotifiable: (c, ev) => {
    const s = shipmentOf(c, ev.data.shipmentId);
    if (!s || s.lossId !== null) return nothing('未收汇的出运', 'unpaid shipment to choose', 'shipmentId');
    const deadline = noticeDeadline(s);
    if (beijingDay(ev.facts.now) > deadline) return atField('shipmentId', bi(`可能损失通知期限已过（应于 ${deadline} 前通知）`, `The deadline to notify a loss on this shipment has passed (${deadline})`));
    return ceilingReason(num(ev.data.amount), s.amount, bi('损失金额（该出运未收汇金额内）', 'The loss (within what is unpaid on the shipment)'));
  },
  claimWithinLoss: (c, ev) => {
    const l = atStage(c, ev.data.lossId, ['notified']);
    return l ? ceilingReason(num(ev.data.amount), l.amount, bi('索赔金额（通知的损失内）', 'The claim (within the loss notified)')) : NO_LOSS.notified!;
  },
  claimAssessed: (c, ev) => {
    const l = atStage(c, ev.data.lossId, ['claimed']);
    if (!l) return NO_LOSS.claimed!;
    return ceilingReason(num(ev.data.assessedLoss), num(l.claimed), bi('核定损失（索赔金额内）', 'The assessed loss (within the claim)'), 'assessedLoss')
      ?? ceilingReason(num(ev.data.recommendedIndemnity), indemnityCap(c, l, num(ev.data.assessedLoss)), SHARE, 'recommendedIndemnity');
  },
  claimPayable: (c, ev) => {
    const l = atStage(c, ev.data.lossId, ['assessed']);
    if (!l) return NO_LOSS.assessed!;
    return fourEyesReason(ev.actor.id, [l.preparedBy]) ?? ceilingReason(num(ev.data.amount), indemnityCap(c, l), SHARE);
  },
  claimRefusable: (c, ev) => {
    const l = atStage(c, ev.data.lossId, ['claimed', 'assessed']);
    return l ? fourEyesReason(ev.actor.id, [l.preparedBy]) : NO_LOSS.claimed!;
  },
  lossOpen: (c, ev) => (lossOf(c, ev.data.lossId) ? null : NO_LOSS.open!),
  recoveryWithin: (c, ev) => {
    const b = buyerOf(c, ev.data.buyerId);
    if (!b || b.admitted <= b.recovered) return nothing('已赔付待追偿的买方', 'buyer with an indemnified loss to recover', 'buyerId');
    return ceilingReason(num(ev.data.amount), b.admitted - b.recovered, bi('追回金额（已赔付的核定损失内）', 'The recovery (within the indemnified loss)'));
  },
  noticeLapsed: (c, ev) => (lapsed(c, ev.facts.now).length > 0 ? null : nothing('通知期限已过的出运', 'shipment whose notice period has ended')),
  ...signing,
  renewable: (c, ev) => signing.nothingPrepared!(c, ev)
    ?? (Date.parse(ev.facts.now) < Date.parse(dayAfter(String(c.period?.end))) ? null : bi('保险年度已结束，不能续保', 'The policy year has ended: it cannot be renewed')),
  expired: (c, ev) => (c.period && Date.parse(ev.facts.now) >= Date.parse(dayAfter(c.period.end)) ? null : bi('保险年度尚未结束', 'The policy year has not ended')),
  expiresClean: (c, ev) => claimRules.expired!(c, ev) ?? stillOpen(c),
  closesClean: (c, ev) => signing['signs:close']!(c, ev) ?? stillOpen(c),
  runOffDone: (c) => stillOpen(c),
  runOffClosed: (c) => stillOpen(c) ?? (c.ending === 'close' ? null : bi('保单到期终止', 'The policy ended at expiry')),
};
function stillOpen(c: C) {
  return nothingOpen(c) ? null : bi(`尚有未收汇的出运或未结的损失（${c.shipments.length} 笔出运，${c.losses.length} 笔损失）`, `Shipments or losses are still open (${c.shipments.length} shipments, ${c.losses.length} losses)`);
}
const lapsed = (c: C, now: string) => unpaidShipments(c).filter((s) => Date.parse(dayAfter(noticeDeadline(s))) <= Date.parse(now));

export const claimEvents: EventDef<C>[] = [
  { type: 'applicant.notify-loss', label: bi('可能损失通知', 'Notify a possible loss'), roles: ['applicant'], optional: true,
    schema: z.object({ shipmentId: z.number().int().positive().describe('出运（发票） / Shipment (invoice)'), amount: positiveYuan('损失金额 / Amount at risk'), reason }).strict(),
    choices: (c) => ({ shipmentId: shipmentChoices(c) }),
    effect: (c, ev) => {
      const s = shipmentOf(c, ev.data.shipmentId)!;
      const loss: Loss = { id: c.seq + 1, buyerId: s.buyerId, shipmentId: s.id, amount: num(ev.data.amount), reason: String(ev.data.reason), notifiedAt: ev.facts.now, claimed: null, assessedLoss: null, recommended: null, preparedBy: null };
      return { seq: c.seq + 1, lossesNotified: c.lossesNotified + 1, losses: [...c.losses, loss], shipments: c.shipments.map((x) => (x === s ? { ...x, lossId: loss.id } : x)) };
    },
    example: (c) => { const s = unpaidShipments(c)[0]; return { shipmentId: s?.id ?? 1, amount: Math.max(1, num(s?.amount)), reason: '买方逾期未付款 / Buyer has not paid when due' }; } },
  { type: 'applicant.file-claim', label: bi('提出索赔', 'File a claim'), roles: ['applicant'],
    schema: z.object({ lossId, amount: positiveYuan('索赔金额 / Amount claimed') }).strict(),
    choices: (c) => ({ lossId: lossChoices(c, ['notified']) }),
    hints: (c) => ({ amount: c.losses.filter((l) => stage(l) === 'notified').map((l) => hint(`${buyerOf(c, l.buyerId)?.name} 通知的损失`, `${buyerOf(c, l.buyerId)?.name}: loss notified`, l.amount)) }),
    effect: (c, ev) => ({ losses: c.losses.map((l) => (l.id === num(ev.data.lossId) ? { ...l, claimed: num(ev.data.amount) } : l)) }),
    example: (c) => { const l = firstAt(c, ['notified']); return { lossId: l?.id ?? 1, amount: Math.max(1, num(l?.amount)) }; } },
  { type: 'liaison.prepare-claim', label: bi('定损理算', 'Assess the claim'), roles: ['liaison'],
    schema: z.object({ lossId, assessedLoss: positiveYuan('核定损失 / Assessed loss'), recommendedIndemnity: positiveYuan('建议赔款 / Recommended indemnity') }).strict(),
    choices: (c) => ({ lossId: lossChoices(c, ['claimed']) }),
    hints: (c) => {
      const l = firstAt(c, ['claimed']);
      return { assessedLoss: [hint('索赔金额', 'Amount claimed', num(l?.claimed))],
        recommendedIndemnity: [hint('赔偿比例（%）', 'Insured percentage (%)', pct(c), 'count'), hint('最多可赔', 'At most', indemnityCap(c, l, num(l?.claimed)))] };
    },
    effect: (c, ev) => ({ losses: c.losses.map((l) => (l.id === num(ev.data.lossId) ? { ...l, preparedBy: ev.actor.id, assessedLoss: num(ev.data.assessedLoss), recommended: num(ev.data.recommendedIndemnity) } : l)) }),
    example: (c) => { const l = firstAt(c, ['claimed']); return { lossId: l?.id ?? 1, assessedLoss: Math.max(1, num(l?.claimed)), recommendedIndemnity: Math.max(1, indemnityCap(c, l, num(l?.claimed))) }; } },
  { type: 'liaison.pay-claim', label: bi('赔付', 'Pay the indemnity'), roles: ['liaison'],
    schema: z.object({ lossId, amount: positiveYuan('赔款 / Indemnity') }).strict(), amountField: 'amount',
    choices: (c) => ({ lossId: lossChoices(c, ['assessed']) }),
    hints: (c) => ({ amount: c.losses.filter((l) => stage(l) === 'assessed').flatMap((l) => [hint('定损建议赔款', 'Recommended by the assessment', num(l.recommended)), hint('最多可赔', 'At most', indemnityCap(c, l))]) }),
    // A paid claim settles that loss and its shipment, not the policy.
    effect: (c, ev) => {
      const l = lossOf(c, ev.data.lossId)!;
      const b = buyerOf(c, l.buyerId)!;
      const amount = num(ev.data.amount);
      return {
        ...settleShipment(c, l.shipmentId, { indemnified: b.indemnified + amount, admitted: b.admitted + num(l.assessedLoss) }),
        indemnityPaid: c.indemnityPaid + amount, periodIndemnity: c.periodIndemnity + amount, claimsPaid: c.claimsPaid + 1,
      };
    },
    example: (c) => { const l = firstAt(c, ['assessed']); return { lossId: l?.id ?? 1, amount: Math.max(1, Math.min(num(l?.recommended), indemnityCap(c, l))) }; },
    decision: (b, _a, ev) => { const l = lossOf(b, ev.data.lossId); return { ...decided('claim-paid', ['理赔决定', 'Claim decision'], num(ev.data.amount),
      `买方 ${buyerOf(b, l?.buyerId)?.name}；核定损失 ${yuan(num(l?.assessedLoss))} / Buyer ${buyerOf(b, l?.buyerId)?.name}; assessed loss ${yuanEn(num(l?.assessedLoss))}`), preparedBy: l?.preparedBy ?? null }; } },
  { type: 'liaison.refuse-claim', label: bi('拒赔', 'Refuse the claim'), roles: ['liaison'],
    schema: z.object({ lossId, reason }).strict(), choices: (c) => ({ lossId: lossChoices(c, ['claimed', 'assessed']) }),
    // Refused: the shipment is no longer covered, and its share of the limit is freed.
    effect: (c, ev) => ({ ...settleShipment(c, lossOf(c, ev.data.lossId)!.shipmentId), claimsRefused: c.claimsRefused + 1 }),
    example: (c) => ({ lossId: firstAt(c, ['claimed', 'assessed'])?.id ?? 1, reason: '损失不属于保险责任范围 / The loss is outside the cover' }),
    decision: (b, _a, ev) => ({ ...decided('claim-refused', ['理赔决定', 'Claim decision'], null, String(ev.data.reason)), preparedBy: lossOf(b, ev.data.lossId)?.preparedBy ?? null }) },
  { type: 'liaison.record-loss-averted', label: bi('登记损失已避免（买方已付款）', 'Record the loss averted (the buyer paid)'), roles: ['liaison'],
    schema: z.object({ lossId, note }).strict(), choices: (c) => ({ lossId: lossChoices(c, ['notified', 'claimed', 'assessed']) }),
    effect: (c, ev) => ({ ...settleShipment(c, lossOf(c, ev.data.lossId)!.shipmentId), lossesAverted: c.lossesAverted + 1 }),
    example: (c) => ({ lossId: c.losses[0]?.id ?? 1, note: '买方已全额付款 / The buyer paid in full' }) },
  { type: 'liaison.record-recovery', label: bi('登记追偿款', 'Record a recovery'), roles: ['liaison'], optional: true,
    schema: z.object({ buyerId: z.number().int().positive().describe('买方 / Buyer'), amount: positiveYuan('追回金额 / Amount recovered') }).strict(), amountField: 'amount',
    choices: (c) => ({ buyerId: recoverable(c).map((b) => choice(b.id, `${b.name}（可追偿 ${yuan(b.admitted - b.recovered)}）`, `${b.name} (to recover ${yuanEn(b.admitted - b.recovered)})`)) }),
    // Shared as the loss was: Sinosure keeps the insured percentage, the insured the rest.
    effect: (c, ev) => {
      const amount = num(ev.data.amount);
      const toInsurer = Math.round(amount * pct(c) / 100);
      return {
        buyers: c.buyers.map((b) => (b.id === num(ev.data.buyerId) ? { ...b, recovered: b.recovered + amount } : b)), recoveries: c.recoveries + 1,
        recovered: c.recovered + amount, recoveredToInsurer: c.recoveredToInsurer + toInsurer, recoveredToInsured: c.recoveredToInsured + amount - toInsurer,
      };
    },
    example: (c) => { const b = recoverable(c)[0]; return { buyerId: b?.id ?? 1, amount: Math.max(1, Math.ceil(num(b && b.admitted - b.recovered) / 2)) }; } },
  { type: 'system.notice-period-ended', label: bi('可能损失通知期限届满', 'Loss notice period ended'), roles: ['system'], schema: z.object({}).strict(),
    // Neither paid (as reported) nor notified in time: the shipment leaves the open book.
    effect: (c, ev) => {
      const gone = new Set(lapsed(c, ev.facts.now).map((s) => s.id));
      return {
        shipmentsLapsed: c.shipmentsLapsed + gone.size, shipments: c.shipments.filter((s) => !gone.has(s.id)),
        buyers: c.buyers.map((b) => ({ ...b, exposure: b.exposure - c.shipments.filter((s) => gone.has(s.id) && s.buyerId === b.id).reduce((t, s) => t + s.amount, 0) })),
      };
    },
    example: () => ({}) },
  prepareEvent<C>({ type: 'liaison.prepare-renewal', kind: 'renewal', label: bi('拟定续保', 'Prepare the renewal'),
    schema: z.object({ reason }).strict(), example: () => ({ reason: '续保下一保险年度 / Renew for the next policy year' }) }),
  prepareEvent<C>({ type: 'liaison.prepare-close', kind: 'close', label: bi('拟定保单终止', 'Prepare closing the policy'),
    schema: z.object({ reason, basis: text(2, 500, '保单条款依据 / Policy clause') }).strict(),
    example: () => ({ reason: '被保险人申请退保 / The insured asks to end the cover', basis: '保单条款第二十条 / Policy clause 20' }) }),
  { type: 'system.policy-expired', label: bi('保险年度届满', 'Policy year ended'), roles: ['system'], schema: z.object({}).strict(),
    effect: () => ({ ending: 'expiry' as const, pending: null }), example: () => ({}) },
  { type: 'system.run-off-ended', label: bi('已申报出运及损失处理完毕', 'Shipments and losses all dealt with'), roles: ['system'], schema: z.object({}).strict(), example: () => ({}) },
];
