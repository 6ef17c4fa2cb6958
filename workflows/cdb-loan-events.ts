// Events and rules of a CDB loan (政策 六.二) from due diligence to its end: the committee sees
// due diligence's proposal; committed ≤ approved by the committee ≤ applied for; drawdowns only
// within the availability period and after the conditions precedent are met; the undrawn balance
// is cancelled on request or lapses; repayment of what was drawn, with interest.
import { z } from 'zod';
import { screeningReason, type CaseContext } from './application-events';
import type { EventDef, Rule, Timer } from './define-workflow';
import { isoDate, note, positiveYuan, reason, text } from './form-fields';
import {
  drawEvent, earliest, equalSchedule, interestDue, loanBook, outstanding, overdueEvent, overdueTimer, prepare,
  rateField, recoveryEvent, repaymentEvent, rescale, restructuringReason, scheduleField, scheduleReason, servicingRules, settles,
  troubleDecisions, troubleEvents, undrawn, type Instalment, type LoanBook,
} from './loan-servicing';
import { addDays, atField, bi, dayAfter, eiaReason, firstReason, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import { prepareEvent, signingRules, type DecisionKind } from './prepared-decisions';
import type { FieldHint } from './types';

export type CdbLoan = LoanBook & {
  proposal: { amount: number; report: string; by: number; at: string } | null; // due diligence's proposal to the committee
  approvedAmount: number | null;   // approved by the credit committee
  contractAmount: number | null;   // committed in the contract (before any cancellation)
  availableUntil: string | null;   // last day of the availability period (YYYY-MM-DD)
  conditionsMet: { by: number; at: string; note: string } | null;
  cancellations: { amount: number; requestedBy: 'bank' | 'borrower' | 'lapse'; reason: string; at: string }[];
};

type C = CdbLoan;
const hint = (zh: string, en: string, value: number): FieldHint => ({ label: bi(zh, en), value, unit: 'yuan' });
const initial = (form: Record<string, unknown>): C => ({
  ...loanBook(form), proposal: null, approvedAmount: null, contractAmount: null, availableUntil: null, conditionsMet: null, cancellations: [],
});
const nowOf = (c: CaseContext, f?: { now: string }) => f?.now ?? c.lastEventAt ?? new Date(0).toISOString();
const availabilityEnds = (c: C) => (c.availableUntil ? dayAfter(c.availableUntil) : null);

/** The undrawn part goes: the commitment shrinks to what was drawn (plus what remains) and the schedule follows. */
const cancelUndrawn = (c: C, amount: number, requestedBy: C['cancellations'][number]['requestedBy'], why: string, at: string): Partial<C> => {
  const committed = num(c.committedAmount) - amount;
  return {
    committedAmount: committed, cancelled: c.cancelled + amount, schedule: rescale(c.schedule, committed),
    cancellations: [...c.cancellations, { amount, requestedBy, reason: why, at }],
  };
};

const cancellation: DecisionKind<C> = {
  label: bi('取消未提款额度', 'Cancellation of the undrawn commitment'),
  apply: (c, p, ev) => cancelUndrawn(c, num(p.data.amount), p.data.requestedBy === 'borrower' ? 'borrower' : 'bank', String(p.data.reason), ev.facts.now),
  letter: (_b, a, p) => ({
    outcome: 'commitment-cancelled', title: bi('取消未提款额度决定', 'Decision cancelling the undrawn commitment'), amount: num(p.data.amount),
    conditions: `剩余承诺 ${yuan(num(a.committedAmount))}，已提款 ${yuan(a.drawn)} / Commitment now ${yuanEn(num(a.committedAmount))}, drawn ${yuanEn(a.drawn)}`,
    reasons: `${p.data.requestedBy === 'borrower' ? '应借款人申请 / At the borrower\'s request' : '贷款人决定 / By the bank'}：${String(p.data.reason)}`,
    section: '六.(二)', preparedBy: p.by,
  }),
};
const decisions: Record<string, DecisionKind<C>> = { cancellation, ...troubleDecisions } as Record<string, DecisionKind<C>>;

const events: EventDef<C>[] = [
  { type: 'officer.recommend-locally', label: bi('地方推荐', 'Recommend locally'), roles: ['officer'],
    schema: z.object({ opinion: note.describe('推荐意见 / Recommendation') }).strict(),
    example: () => ({ opinion: '项目符合本地承接规划，同意推荐 / Fits the local undertaking plan' }) },
  { type: 'liaison.submit-to-committee', label: bi('提交贷审会', 'Submit to the credit committee'), roles: ['liaison'],
    schema: z.object({ proposedAmount: positiveYuan('建议金额 / Proposed amount'), report: text(2, 8000, '尽职调查报告摘要 / Due-diligence summary') }).strict(),
    effect: (c, ev) => ({ preparedBy: prepare(c, ev.actor.id), conditions: null,
      proposal: { amount: num(ev.data.proposedAmount), report: String(ev.data.report), by: ev.actor.id, at: ev.facts.now } }),
    example: (c) => ({ proposedAmount: c.requestedAmount, report: '借款人经营稳健，项目现金流可覆盖本息 / Cash flow covers debt service' }),
    hints: (c) => ({ proposedAmount: [hint('申请金额', 'Requested', c.requestedAmount)] }) },
  { type: 'liaison.committee-approve', label: bi('贷审会批准', 'Committee approves'), roles: ['liaison'],
    schema: z.object({ approvedAmount: positiveYuan('批准金额 / Amount approved'), conditions: text(0, 4000, '贷款条件（先决条件） / Conditions (precedent)') }).strict(),
    effect: (_c, ev) => ({ approvedAmount: num(ev.data.approvedAmount), committedBy: ev.actor.id, conditions: String(ev.data.conditions) || null }),
    example: (c) => ({ approvedAmount: c.proposal?.amount ?? c.requestedAmount, conditions: '资本金先于贷款到位，抵押登记完成 / Own capital in place and security registered before drawdown' }),
    amountField: 'approvedAmount',
    hints: (c) => ({ approvedAmount: [
      ...(c.proposal ? [hint('尽职调查建议金额', 'Proposed by due diligence', c.proposal.amount)] : []),
      hint('申请金额', 'Requested', c.requestedAmount),
    ] }),
    decision: (_b, a) => ({ outcome: 'loan-committed', title: bi('贷款审批决定', 'Credit decision'), amount: a.approvedAmount, conditions: a.conditions,
      reasons: `尽职调查建议 ${yuan(num(a.proposal?.amount))}，贷审会审议通过 / Due diligence proposed ${yuanEn(num(a.proposal?.amount))}; approved by the credit committee`, section: '六.(二)', preparedBy: a.proposal?.by ?? null }) },
  { type: 'liaison.sign-contract', label: bi('签订借款合同', 'Sign the loan contract'), roles: ['liaison'],
    schema: z.object({
      contractNo: z.string().trim().min(3).max(60).describe('合同编号 / Contract number'),
      amount: positiveYuan('合同金额 / Amount committed'),
      interestRate: rateField,
      availableUntil: isoDate('提款期截止日 / Last day of the availability period'),
      schedule: scheduleField,
    }).strict(),
    effect: (_c, ev) => ({
      contractNo: String(ev.data.contractNo), committedAmount: num(ev.data.amount), contractAmount: num(ev.data.amount),
      interestRate: num(ev.data.interestRate), availableUntil: String(ev.data.availableUntil), schedule: ev.data.schedule as Instalment[], interestAsOf: ev.facts.now,
    }),
    hints: (c) => ({ amount: [hint('贷审会批准金额', 'Approved by the credit committee', num(c.approvedAmount))], schedule: [hint('合计须等于合同金额（最多）', 'Must add up to the contract amount (at most)', num(c.approvedAmount))] }),
    example: (c, _a, f) => {
      const now = nowOf(c, f);
      const amount = num(c.approvedAmount);
      return { contractNo: `CDB-${now.slice(0, 4)}-0001`, amount, interestRate: 0.042, availableUntil: addDays(now, 180).slice(0, 10), schedule: equalSchedule(amount, now, 5) };
    } },
  { type: 'liaison.record-conditions', label: bi('登记先决条件落实', 'Record the conditions precedent as met'), roles: ['liaison'],
    schema: z.object({
      ownCapitalInPlace: z.boolean().describe('项目资本金已到位 / Own capital in place'),
      securityRegistered: z.boolean().describe('抵押/质押已登记 / Security registered'),
      note: note.describe('核查说明 / What was checked'),
    }).strict(),
    effect: (_c, ev) => ({ conditionsMet: { by: ev.actor.id, at: ev.facts.now, note: String(ev.data.note) } }),
    example: () => ({ ownCapitalInPlace: true, securityRegistered: true, note: '资本金验资报告及抵押登记证明已核 / Capital verification and mortgage registration checked' }) },
  drawEvent('liaison.drawdown', bi('提款', 'Drawdown')),
  repaymentEvent(),
  { type: 'liaison.confirm-settlement', label: bi('确认结清（取消剩余额度）', 'Confirm settlement (cancels what is undrawn)'), roles: ['liaison'], irreversible: true,
    schema: z.object({ note: note.optional() }).strict(),
    effect: (c, ev) => (undrawn(c) > 0 ? cancelUndrawn(c, undrawn(c), 'borrower', '提前全部还款 / Repaid in full early', ev.facts.now) : {}),
    example: () => ({ note: '借款人提前还清全部本息 / The borrower repaid everything early' }) },
  prepareEvent<C>({ type: 'liaison.prepare-cancellation', kind: 'cancellation', label: bi('拟定取消未提款额度', 'Prepare cancelling the undrawn commitment'),
    schema: z.object({
      requestedBy: z.enum(['bank', 'borrower']).describe('提出方：贷款人 / 借款人 — Requested by'),
      amount: positiveYuan('取消金额 / Amount cancelled'),
      reason,
    }).strict(),
    example: (c) => ({ requestedBy: 'borrower', amount: Math.max(1, undrawn(c)), reason: '项目投资调减，剩余额度不再使用 / Smaller investment: the rest is not needed' }) }),
  { type: 'system.availability-ended', label: bi('提款期届满', 'Availability period ended'), roles: ['system'], schema: z.object({}).strict(),
    effect: (c, ev) => cancelUndrawn(c, undrawn(c), 'lapse', '提款期届满 / The availability period ended', ev.facts.now), example: () => ({}) },
  overdueEvent,
  ...troubleEvents((c) => nowOf(c)),
  recoveryEvent,
];

const eyesOrNull = (ev: Parameters<Rule<C>>[1], c: C) => fourEyesReason(ev.actor.id, c.preparedBy);
const signing = signingRules<C>(decisions, {
  cancellation: (c) => atField('amount', num(c.pending?.data.amount) <= undrawn(c) ? null
    : bi(`取消金额超过未提款额度（${yuan(undrawn(c))}）`, `The amount cancelled exceeds what is undrawn (${yuanEn(undrawn(c))})`)),
  restructuring: restructuringReason,
});

export const cdbLoanRules: Record<string, Rule<C>> = {
  ...servicingRules, ...signing,
  // 政策 一.(一) and 一.(二): the local recommendation is the screening of this programme.
  screening: (c, ev) => firstReason(screeningReason(c, ev), eiaReason(ev)),
  toCommittee: (c, ev) => firstReason(eiaReason(ev), atField('proposedAmount',
    num(ev.data.proposedAmount) <= c.requestedAmount ? null : bi(`建议金额超过申请金额（${yuan(c.requestedAmount)}）`, `The proposed amount exceeds the request (${yuanEn(c.requestedAmount)})`))),
  creditFourEyes: (c, ev) => eyesOrNull(ev, c),
  // Approved by the committee ≤ applied for.
  commitment: (c, ev) => firstReason(eyesOrNull(ev, c), atField('approvedAmount', num(ev.data.approvedAmount) <= c.requestedAmount ? null
    : bi(`批准金额不得超过申请金额（${yuan(c.requestedAmount)}）`, `The amount approved may not exceed the request (${yuanEn(c.requestedAmount)})`))),
  // Committed in the contract ≤ approved by the committee; drawdowns end before repayments begin.
  contractTerms: (c, ev) => {
    const amount = num(ev.data.amount);
    const schedule = ev.data.schedule as Instalment[];
    const until = String(ev.data.availableUntil);
    const first = [...schedule].map((s) => s.dueDate).sort()[0] ?? '';
    return firstReason(
      atField('amount', amount <= num(c.approvedAmount) ? null : bi(`合同金额不得超过贷审会批准金额（${yuan(num(c.approvedAmount))}）`, `The contract amount may not exceed what the committee approved (${yuanEn(num(c.approvedAmount))})`)),
      scheduleReason(schedule, amount, bi('合同金额', 'the contract amount'), ev.facts.now),
      atField('availableUntil', Date.parse(until) > Date.parse(ev.facts.now) ? null : bi('提款期截止日须晚于今天', 'The availability period must end in the future')),
      atField('availableUntil', until < first ? null : bi('提款期须在首个还款日之前结束', 'The availability period must end before the first repayment date')),
    );
  },
  conditionsRecordable: (c, ev) => {
    if (c.conditionsMet) return bi('先决条件已登记', 'The conditions precedent are already recorded');
    if (ev.data.ownCapitalInPlace !== true) return atField('ownCapitalInPlace', bi('项目资本金未到位，先决条件未落实', 'Own capital is not in place: the conditions precedent are not met'));
    return ev.data.securityRegistered === true ? null : atField('securityRegistered', bi('担保未登记，先决条件未落实', 'The security is not registered: the conditions precedent are not met'));
  },
  canDraw: (c, ev) => {
    if (!c.conditionsMet) return bi('先决条件尚未登记落实，不能提款', 'The conditions precedent are not recorded as met: no drawdown yet');
    const ends = availabilityEnds(c);
    if (ends && Date.parse(ev.facts.now) >= Date.parse(ends)) return bi(`提款期已于 ${c.availableUntil} 结束`, `The availability period ended on ${c.availableUntil}`);
    return servicingRules.drawWithin!(c, ev);
  },
  settles,
  nothingOwed: (c, ev) => (c.drawn > 0 && outstanding(c) === 0 && interestDue(c, ev.facts.now) <= 0 ? null
    : bi('尚有未还本息（或从未提款），不能确认结清', 'Principal or interest is still owed (or nothing was drawn): the loan cannot be settled')),
  cancellable: (c, ev) => signing.nothingPrepared!(c, ev) ?? atField('amount', num(ev.data.amount) <= undrawn(c) ? null
    : bi(`取消金额超过未提款额度（${yuan(undrawn(c))}）`, `The amount cancelled exceeds what is undrawn (${yuanEn(undrawn(c))})`)),
  // Cancelling all that is undrawn of a loan never drawn ends it.
  cancelEndsLoan: (c, ev) => signing['signs:cancellation']!(c, ev)
    ?? (c.drawn === 0 && num(c.pending?.data.amount) === undrawn(c) ? null : bi('已有提款或仍有剩余额度', 'Something was drawn or some commitment remains')),
  availabilityOver: (c, ev) => {
    const ends = availabilityEnds(c);
    if (!ends || Date.parse(ev.facts.now) < Date.parse(ends)) return bi('提款期尚未届满', 'The availability period has not ended');
    return undrawn(c) > 0 ? null : bi('没有未提款额度', 'Nothing is left undrawn');
  },
  lapsesUnused: (c, ev) => cdbLoanRules.availabilityOver!(c, ev) ?? (c.drawn === 0 ? null : bi('已有提款', 'Something was drawn')),
  restructures: (c, ev) => signing['signs:restructuring']!(c, ev),
  restructuringPreparable: (c, ev) => signing.nothingPrepared!(c, ev)
    ?? (outstanding(c) > 0 ? null : bi('本金已还清，无需重组（请登记利息）', 'No principal is outstanding: nothing to restructure (record the interest)'))
    ?? scheduleReason(ev.data.schedule as Instalment[], outstanding(c), bi('未还本金', 'the outstanding principal'), ev.facts.now),
};

export const cdbTimer = (c: C, state: string): Timer | null => {
  if (state !== 'active') return null;
  const ends = availabilityEnds(c);
  return earliest(ends && undrawn(c) > 0 ? { type: 'system.availability-ended', at: ends } : null, overdueTimer(c));
};

export const cdbLoanEvents = { initial, events, decisions };
