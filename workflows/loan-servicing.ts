// What the two policy banks share once credit is granted (政策 六.二): drawdowns within the
// commitment, interest at the contract rate on what is outstanding, a principal schedule over
// what was actually drawn, early repayment, overdue monitoring, and the decisions that end a
// loan in trouble (default, restructuring, recovery, write-off).
import { z } from 'zod';
import { baseContext, type CaseContext } from './application-events';
import type { EventDef, Rule, Timer } from './define-workflow';
import { isoDate, positiveYuan, reason, text } from './form-fields';
import { atField, bi, ceilingReason, dayAfter, firstReason, num, yuan, yuanEn } from './policy-guards';
import { basisLine, prepareEvent, type DecisionKind, type Prepared, type PreparedContext } from './prepared-decisions';
import type { Bilingual } from './types';

export type Instalment = { dueDate: string; amount: number };
export type LoanBook = CaseContext & PreparedContext & {
  preparedBy: number[];            // liaisons who prepared the credit decision (four eyes)
  committedAmount: number | null;  // what may still be drawn plus what was drawn: cancellation and lapse reduce it
  committedBy: number | null;
  conditions: string | null;
  contractNo: string | null;
  interestRate: number;            // yearly, on the outstanding principal (actual/365)
  interestAccrued: number;         // up to `interestAsOf`, whole yuan
  interestPaid: number;
  interestAsOf: string | null;
  schedule: Instalment[];          // principal due dates (YYYY-MM-DD), over what is (to be) drawn
  scheduleBase: number;            // principal repaid before the current schedule began (restructuring)
  drawn: number;
  drawdowns: { amount: number; by: number; at: string }[];
  repaid: number;                  // principal repaid, recoveries included
  repayments: ({ amount: number; interest: number; by: number; at: string } & Record<string, unknown>)[]; // plus the programme's evidence fields
  cancelled: number;               // undrawn commitment cancelled or lapsed
  overdueSince: string | null;
  defaultDeclared: { by: number; reason: string; at: string } | null;
  restructured: number;
  recovered: number;
  writtenOff: number;
};

export function loanBook(form: Record<string, unknown>): LoanBook {
  return {
    ...baseContext(form), pending: null, decisionsSigned: 0, preparedBy: [], committedAmount: null, committedBy: null,
    conditions: null, contractNo: null, interestRate: 0, interestAccrued: 0, interestPaid: 0, interestAsOf: null, schedule: [], scheduleBase: 0,
    drawn: 0, drawdowns: [], repaid: 0, repayments: [], cancelled: 0, overdueSince: null, defaultDeclared: null,
    restructured: 0, recovered: 0, writtenOff: 0,
  };
}

type C = LoanBook;
export const prepare = (c: C, id: number) => (c.preparedBy.includes(id) ? c.preparedBy : [...c.preparedBy, id]);
export const undrawn = (c: C) => num(c.committedAmount) - c.drawn;
export const outstanding = (c: C) => c.drawn - c.repaid;

const DAY = 86_400_000;
/** Interest accrued up to `now`: what was booked, plus the contract rate on the outstanding since. */
function accruedTo(c: C, now: string): number {
  if (!c.interestAsOf) return c.interestAccrued;
  const days = Math.max(0, Date.parse(now) - Date.parse(c.interestAsOf)) / DAY;
  return c.interestAccrued + Math.round(outstanding(c) * c.interestRate * days / 365);
}
export const interestDue = (c: C, now: string) => accruedTo(c, now) - c.interestPaid;
/** Books the interest up to now; every event that changes the outstanding principal calls it first. */
const accrue = (c: C, now: string) => ({ interestAccrued: accruedTo(c, now), interestAsOf: now });
/** What the borrower owes now: principal outstanding and interest due. */
const owedNow = (c: C, now: string) => outstanding(c) + interestDue(c, now);

/** The schedule scaled to a new total (the drawn amount once the undrawn part is gone). */
export function rescale(schedule: Instalment[], total: number): Instalment[] {
  const sum = schedule.reduce((t, s) => t + s.amount, 0);
  if (total <= 0 || sum <= 0) return [];
  let given = 0;
  return schedule.map((s, i) => {
    const amount = i === schedule.length - 1 ? total - given : Math.floor(s.amount * total / sum);
    given += amount;
    return { ...s, amount };
  }).filter((s) => s.amount > 0);
}

/** What should have been repaid by `now`: instalments whose due day has passed, capped at what was drawn. */
function expectedRepaid(c: C, now: string): number {
  const due = c.schedule.filter((s) => Date.parse(dayAfter(s.dueDate)) <= Date.parse(now)).reduce((t, s) => t + s.amount, 0);
  return Math.min(c.scheduleBase + due, c.drawn);
}

/** The moment the first instalment not yet covered by repayments becomes overdue. */
function nextOverdueAt(c: C): string | null {
  let cumulative = c.scheduleBase;
  for (const s of [...c.schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    cumulative += s.amount;
    if (Math.min(cumulative, c.drawn) > c.repaid) return dayAfter(s.dueDate);
  }
  return null;
}

export const overdueTimer = (c: C): Timer | null => {
  const at = nextOverdueAt(c);
  return at ? { type: 'system.repayment-overdue', at } : null;
};

/** The earlier of two timers. */
export const earliest = (...timers: (Timer | null)[]): Timer | null =>
  timers.filter((t): t is Timer => t !== null).sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;

const sumsTo = (schedule: Instalment[], total: number, what: Bilingual): Bilingual | null =>
  schedule.reduce((t, s) => t + s.amount, 0) === total ? null
    : atField('schedule', bi(`还款计划合计须等于${what.zh}（${yuan(total)}）`, `The repayment schedule must add up to ${what.en} (${yuanEn(total)})`));
const inFuture = (schedule: Instalment[], now: string): Bilingual | null =>
  schedule.some((s) => Date.parse(s.dueDate) <= Date.parse(now)) ? atField('schedule', bi('还款日须晚于今天', 'Repayment dates must lie in the future')) : null;
export const scheduleReason = (schedule: Instalment[], total: number, what: Bilingual, now: string) =>
  firstReason(sumsTo(schedule, total, what), inFuture(schedule, now));

export const scheduleField = z.array(z.object({ dueDate: isoDate('还款日 / Due date'), amount: positiveYuan('本期应还本金 / Principal due') }).strict())
  .min(1).max(360).describe('还款计划 / Repayment schedule');
export const rateField = z.number().min(0).max(0.24).describe('年利率（如 0.042） / Yearly interest rate');
const basisField = text(2, 500, '合同依据（条款） / Contractual basis (clause)');

/** Equal instalments of `total`, every `stepDays` from `from`. */
export function equalSchedule(total: number, from: string, parts: number, stepDays = 365): Instalment[] {
  const each = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => ({
    dueDate: new Date(Date.parse(from) + stepDays * DAY * (i + 1)).toISOString().slice(0, 10),
    amount: i === parts - 1 ? total - each * (parts - 1) : each,
  }));
}

const DRAW = bi('提款金额', 'The drawdown');

/** Rules shared by the banks. `settled`: no principal can be drawn any more. */
export const servicingRules: Record<string, Rule<C>> = {
  drawWithin: (c, ev) => atField('amount', ceilingReason(num(ev.data.amount), undrawn(c), DRAW)),
  repaymentWithin: (c, ev) => {
    const principal = num(ev.data.amount);
    const interest = num(ev.data.interest);
    if (principal + interest <= 0) return atField('amount', bi('还款金额须大于零', 'The repayment must be more than zero'));
    return atField('amount', ceilingReason(principal, outstanding(c), bi('归还本金', 'The principal repaid')))
      ?? atField('interest', ceilingReason(interest, interestDue(c, ev.facts.now), bi('归还利息（截至今日应计）', 'The interest paid (accrued to date)')));
  },
  repaymentCures: (c, ev) => (c.repaid + num(ev.data.amount) >= expectedRepaid(c, ev.facts.now) ? null
    : atField('amount', bi('本次还款未补足逾期本金', 'This repayment does not cover the overdue instalments'))),
  isOverdue: (c, ev) => (c.repaid < expectedRepaid(c, ev.facts.now) ? null : bi('没有到期未还的款项', 'No instalment is past due and unpaid')),
  recoveryWithin: (c, ev) => atField('amount', ceilingReason(num(ev.data.amount), owedNow(c, ev.facts.now), bi('追回金额', 'The recovery'))),
  recoveryCompletes: (c, ev) => (num(ev.data.amount) === owedNow(c, ev.facts.now) ? null
    : bi('本次追回未收回全部欠款', 'This recovery does not collect all that is owed')),
};

/** A repayment that leaves nothing owed, when nothing more can be drawn. */
export const settles = (c: C, ev: Parameters<Rule<C>>[1]): Bilingual | null =>
  undrawn(c) === 0 && num(ev.data.amount) === outstanding(c) && num(ev.data.interest) === interestDue(c, ev.facts.now) ? null
    : bi('本次还款未结清全部本息', 'This repayment does not settle all principal and interest');

export function drawEvent(type: string, label: Bilingual): EventDef<C> {
  return {
    type, label, roles: ['liaison'], schema: z.object({ amount: positiveYuan('金额 / Amount') }).strict(),
    // Money paid out cannot be called back: the page confirms the amount first.
    irreversible: true, amountField: 'amount',
    hints: (c) => ({ amount: [{ label: bi('尚未提用的承诺额', 'Committed and not yet drawn'), value: undrawn(c), unit: 'yuan' }] }),
    effect: (c, ev) => ({
      ...accrue(c, ev.facts.now), drawn: c.drawn + num(ev.data.amount),
      drawdowns: [...c.drawdowns, { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now }],
    }),
    example: (c) => ({ amount: Math.max(1, undrawn(c) > num(c.committedAmount) / 2 ? Math.ceil(undrawn(c) / 2) : undrawn(c)) }),
  };
}

/** Principal and interest; `extra` are evidence fields (a programme repaid from receivables records the FX receipt). */
export function repaymentEvent(extra: Record<string, z.ZodType> = {}, exampleExtra: (c: C) => Record<string, unknown> = () => ({})): EventDef<C> {
  return {
    type: 'liaison.record-repayment', label: bi('登记还款', 'Record a repayment'), roles: ['liaison'],
    hints: (c) => ({ amount: [{ label: bi('未还本金', 'Outstanding principal'), value: outstanding(c), unit: 'yuan' }] }),
    schema: z.object({
      amount: z.number().int().min(0).describe('归还本金（人民币元） / Principal repaid (CNY yuan)'),
      interest: z.number().int().min(0).describe('归还利息（人民币元） / Interest paid (CNY yuan)'),
      ...extra,
    }).strict(),
    effect: (c, ev) => ({
      ...accrue(c, ev.facts.now), repaid: c.repaid + num(ev.data.amount), interestPaid: c.interestPaid + num(ev.data.interest),
      repayments: [...c.repayments, {
        ...Object.fromEntries(Object.keys(extra).map((k) => [k, ev.data[k] ?? null])),
        amount: num(ev.data.amount), interest: num(ev.data.interest), by: ev.actor.id, at: ev.facts.now,
      }],
    }),
    example: (c, _a, facts) => {
      // The first instalment still open (or all that is outstanding), with the interest due today.
      let cumulative = c.scheduleBase;
      const open = [...c.schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((s) => (cumulative += s.amount)).find((t) => t > c.repaid);
      const principal = Math.max(0, Math.min(outstanding(c), (open ?? c.drawn) - c.repaid) || outstanding(c));
      return { amount: principal, interest: Math.max(0, interestDue(c, facts?.now ?? c.lastEventAt ?? '')), ...exampleExtra(c) };
    },
  };
}

export const overdueEvent: EventDef<C> = {
  type: 'system.repayment-overdue', label: bi('还款逾期', 'Repayment overdue'), roles: ['system'], schema: z.object({}).strict(),
  effect: (_c, ev) => ({ overdueSince: ev.facts.now }), example: () => ({}),
};

export const recoveryEvent: EventDef<C> = {
  type: 'liaison.record-recovery', label: bi('登记追回款', 'Record an amount recovered'), roles: ['liaison'],
  schema: z.object({ amount: positiveYuan('追回金额 / Amount recovered'), source: text(2, 500, '来源（如抵押物处置） / Source (e.g. sale of collateral)') }).strict(),
  // Recoveries pay the interest due first, then principal.
  effect: (c, ev) => {
    const toInterest = Math.min(num(ev.data.amount), Math.max(0, interestDue(c, ev.facts.now)));
    return { ...accrue(c, ev.facts.now), interestPaid: c.interestPaid + toInterest, repaid: c.repaid + num(ev.data.amount) - toInterest, recovered: c.recovered + num(ev.data.amount) };
  },
  example: (c, _a, facts) => {
    const owed = owedNow(c, facts?.now ?? c.lastEventAt ?? '');
    return { amount: Math.max(1, owed > 2 && c.recovered === 0 ? Math.floor(owed / 2) : owed), source: '抵押物处置 / Sale of collateral' };
  },
};

const reasonAndBasis = { reason, basis: basisField };
const exampleBasis = { reason: '逾期超过 90 天 / More than 90 days overdue', basis: '借款合同第十二条 / Loan contract clause 12' };

/** Prepare events for default and its resolutions; `scheduleTotal` is what a restructuring spreads. */
export const troubleEvents = (firstDueFrom: (c: C) => string): EventDef<C>[] => [
  prepareEvent<C>({ type: 'liaison.prepare-default', kind: 'default', label: bi('拟定违约认定', 'Prepare a notice of default'),
    schema: z.object(reasonAndBasis).strict(), example: () => exampleBasis }),
  prepareEvent<C>({ type: 'liaison.prepare-restructuring', kind: 'restructuring', label: bi('拟定重组方案', 'Prepare a restructuring'),
    schema: z.object({ ...reasonAndBasis, schedule: scheduleField }).strict(),
    example: (c, _a, f) => ({ reason: '借款人经营恢复，可按新计划还款 / The borrower can repay on a new schedule', basis: '借款合同第十五条 / Loan contract clause 15',
      schedule: equalSchedule(Math.max(3, outstanding(c)), firstDueFrom({ ...c, lastEventAt: f?.now ?? c.lastEventAt }), 3) }) }),
  prepareEvent<C>({ type: 'liaison.prepare-recovery', kind: 'recovery', label: bi('拟定追偿', 'Prepare recovery'),
    schema: z.object(reasonAndBasis).strict(), example: () => ({ reason: '处置抵押物 / Enforce the security', basis: '抵押合同第八条 / Mortgage contract clause 8' }) }),
  prepareEvent<C>({ type: 'liaison.prepare-write-off', kind: 'write-off', label: bi('拟定核销', 'Prepare a write-off'),
    schema: z.object(reasonAndBasis).strict(), example: () => ({ reason: '追偿无果 / Recovery exhausted', basis: '呆账核销管理办法 / Bad-debt write-off rules' }) }),
];

const letter = (outcome: string, title: Bilingual, amount: number | null, p: Prepared, conditions: string | null = null) =>
  ({ outcome, title, amount, conditions, reasons: basisLine(p), section: '六.(二)', preparedBy: p.by });

export const troubleDecisions: Record<string, DecisionKind<C>> = {
  default: { label: bi('违约认定', 'Notice of default'),
    apply: (c, p) => ({ defaultDeclared: { by: p.by, reason: String(p.data.reason), at: p.at } }),
    letter: (_b, a, p) => letter('default-declared', bi('违约认定', 'Notice of default'), outstanding(a), p) },
  restructuring: { label: bi('重组', 'Restructuring'),
    apply: (c, p) => ({ schedule: p.data.schedule as Instalment[], scheduleBase: c.repaid, restructured: c.restructured + 1, overdueSince: null }),
    letter: (_b, a, p) => letter('loan-restructured', bi('贷款重组决定', 'Restructuring decision'), outstanding(a), p,
      `新还款计划 / New schedule: ${(p.data.schedule as Instalment[]).map((s) => `${s.dueDate} ${yuan(s.amount)}`).join('; ')}`) },
  recovery: { label: bi('追偿', 'Recovery'), apply: () => ({}),
    letter: (_b, a, p) => letter('recovery-started', bi('追偿决定', 'Decision to recover'), outstanding(a), p) },
  'write-off': { label: bi('核销', 'Write-off'),
    apply: (c, _p, ev) => ({ ...accrue(c, ev.facts.now), writtenOff: owedNow(c, ev.facts.now) }),
    letter: (_b, a, p) => letter('loan-written-off', bi('核销决定', 'Write-off decision'), a.writtenOff, p) },
};

/** A restructuring spreads exactly the outstanding principal over future dates. */
export const restructuringReason: Rule<C> = (c, ev) => scheduleReason((c.pending?.data.schedule ?? []) as Instalment[], outstanding(c), bi('未还本金', 'the outstanding principal'), ev.facts.now);
