// What the two policy banks share once credit is granted (政策 六.二): drawdowns that never
// exceed the commitment, repayments against a schedule, and overdue monitoring.
import { z } from 'zod';
import { baseContext, type CaseContext } from '../application-events';
import type { EventDef, Rule, Timer } from '../define-workflow';
import { isoDate, positiveYuan, reason } from '../form-fields';
import { addDays, bi, ceilingReason, dayAfter, fourEyesReason, num } from '../policy-guards';
import type { Bilingual } from '../types';

export type LoanContext = CaseContext & {
  preparedBy: number[];            // liaisons who prepared the credit decision (four eyes)
  committedAmount: number | null;  // loan committed / financing approved
  committedBy: number | null;
  conditions: string | null;
  contractNo: string | null;
  schedule: { dueDate: string; amount: number }[]; // repayment due dates (YYYY-MM-DD)
  drawn: number;
  drawdowns: { amount: number; by: number; at: string }[];
  repaid: number;
  repayments: { amount: number; by: number; at: string }[];
  overdueSince: string | null;
  defaultDeclared: { by: number; reason: string; at: string } | null;
};

export function loanContext(form: Record<string, unknown>): LoanContext {
  return {
    ...baseContext(form), preparedBy: [], committedAmount: null, committedBy: null, conditions: null,
    contractNo: null, schedule: [], drawn: 0, drawdowns: [], repaid: 0, repayments: [], overdueSince: null, defaultDeclared: null,
  };
}

type C = LoanContext;
export const prepare = (c: C, id: number) => (c.preparedBy.includes(id) ? c.preparedBy : [...c.preparedBy, id]);
const undrawn = (c: C) => num(c.committedAmount) - c.drawn;
const outstanding = (c: C) => c.drawn - c.repaid;

/** What should have been repaid by `now`: instalments whose due day has passed, capped at what was drawn. */
function expectedRepaid(c: C, now: string): number {
  const due = c.schedule.filter((s) => Date.parse(dayAfter(s.dueDate)) <= Date.parse(now)).reduce((t, s) => t + s.amount, 0);
  return Math.min(due, c.drawn);
}

/** The moment the first instalment not yet covered by repayments becomes overdue. */
function nextOverdueAt(c: C): string | null {
  let cumulative = 0;
  for (const s of [...c.schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    cumulative += s.amount;
    if (Math.min(cumulative, c.drawn) > c.repaid) return dayAfter(s.dueDate);
  }
  return null;
}

export const overdueTimer = (states: string[]) => (c: C, state: string): Timer | null => {
  const at = states.includes(state) ? nextOverdueAt(c) : null;
  return at ? { type: 'system.repayment-overdue', at } : null;
};

const DRAW: Bilingual = { zh: '提款金额', en: 'The drawdown' };
const REPAY: Bilingual = { zh: '还款金额', en: 'The repayment' };

/** `fullPrincipal`: what must have been drawn before a repayment can settle the loan. */
export function lendingRules(fullPrincipal: (c: C) => number): Record<string, Rule<C>> {
  return {
    creditFourEyes: (c, ev) => fourEyesReason(ev.actor.id, c.preparedBy),
    drawWithin: (c, ev) => ceilingReason(num(ev.data.amount), undrawn(c), DRAW),
    repaymentWithin: (c, ev) => ceilingReason(num(ev.data.amount), outstanding(c), REPAY),
    repaymentSettles: (c, ev) => (c.drawn === fullPrincipal(c) && c.repaid + num(ev.data.amount) === c.drawn ? null
      : bi('本次还款未结清贷款', 'This repayment does not settle the loan')),
    repaymentCures: (c, ev) => (c.repaid + num(ev.data.amount) >= expectedRepaid(c, ev.facts.now) ? null
      : bi('本次还款未补足逾期金额', 'This repayment does not cover the overdue instalments')),
    isOverdue: (c, ev) => (c.repaid < expectedRepaid(c, ev.facts.now) ? null
      : bi('没有到期未还的款项', 'No instalment is past due and unpaid')),
    futureSchedule: (c, ev) => {
      const schedule = ev.data.schedule as { dueDate: string; amount: number }[];
      const total = schedule.reduce((t, s) => t + s.amount, 0);
      if (total !== num(c.committedAmount)) return bi('还款计划合计须等于承诺金额', 'The repayment schedule must add up to the committed amount');
      if (schedule.some((s) => Date.parse(s.dueDate) <= Date.parse(ev.facts.now))) return bi('还款日须晚于今天', 'Repayment dates must lie in the future');
      return null;
    },
  };
}

/** Equal yearly instalments of the committed amount, starting a year after `from`. */
export const scheduleExample = (c: C, from: string, parts: number) => {
  const total = num(c.committedAmount);
  const each = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => ({
    dueDate: addDays(from, 365 * (i + 1)).slice(0, 10),
    amount: i === parts - 1 ? total - each * (parts - 1) : each,
  }));
};

export const scheduleField = z.array(z.object({ dueDate: isoDate('还款日 / Due date'), amount: positiveYuan('本期应还 / Instalment') }).strict())
  .min(1).max(360).describe('还款计划 / Repayment schedule');

export function lendingEvents(drawType: string, drawLabel: Bilingual) {
  return {
    draw: { type: drawType, label: drawLabel, roles: ['liaison'], schema: z.object({ amount: positiveYuan('金额 / Amount') }).strict(),
      effect: (c, ev) => ({ drawn: c.drawn + num(ev.data.amount), drawdowns: [...c.drawdowns, { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now }] }),
      example: (c) => ({ amount: Math.max(1, undrawn(c) > num(c.committedAmount) / 2 ? Math.ceil(undrawn(c) / 2) : undrawn(c)) }) },
    repayment: { type: 'liaison.record-repayment', label: bi('登记还款', 'Record a repayment'), roles: ['liaison'],
      schema: z.object({ amount: positiveYuan('还款金额 / Amount repaid') }).strict(),
      effect: (c, ev) => ({ repaid: c.repaid + num(ev.data.amount), repayments: [...c.repayments, { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now }] }),
      example: (c) => {
        // The first instalment still open, never more than is outstanding.
        let cumulative = 0;
        const open = [...c.schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((s) => (cumulative += s.amount)).find((t) => t > c.repaid);
        return { amount: Math.max(1, Math.min(outstanding(c), (open ?? c.drawn) - c.repaid) || outstanding(c)) };
      } },
    overdue: { type: 'system.repayment-overdue', label: bi('还款逾期', 'Repayment overdue'), roles: ['system'], schema: z.object({}).strict(),
      effect: (_c, ev) => ({ overdueSince: ev.facts.now }), example: () => ({}) },
    declareDefault: { type: 'liaison.declare-default', label: bi('认定违约', 'Declare default'), roles: ['liaison'],
      schema: z.object({ reason }).strict(),
      effect: (_c, ev) => ({ defaultDeclared: { by: ev.actor.id, reason: String(ev.data.reason), at: ev.facts.now } }),
      example: () => ({ reason: '逾期超过 90 天 / More than 90 days overdue' }),
      decision: (_b, a, ev) => ({ outcome: 'default-declared', title: bi('违约认定', 'Notice of default'), amount: outstanding(a), conditions: null, reasons: String(ev.data.reason), section: '六.二' }) },
  } satisfies Record<string, EventDef<C>>;
}
