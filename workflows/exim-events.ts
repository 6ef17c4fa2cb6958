// Events and rules of EXIM order and receivables financing (政策 六.二): the verified value is
// capped at the contract value and the financing at 80% of it; pre-shipment finance needs the
// shipment still ahead, receivables finance goods already shipped; the repayment date follows
// the buyer's payment terms; several disbursements within the approval; repayments from the
// receivable with the FX receipt as evidence; one extension (展期) by decision; default and its
// resolution as for any loan.
import { z } from 'zod';
import { screeningReason } from './application-events';
import type { EventDef, Rule, Timer } from './define-workflow';
import { currency, isoDate, note, positiveYuan, reason, text } from './form-fields';
import {
  drawEvent, interestDue, loanBook, outstanding, overdueEvent, overdueTimer, prepare, rateField, recoveryEvent,
  repaymentEvent, servicingRules, troubleDecisions, troubleEvents, undrawn, type LoanBook,
} from './loan-servicing';
import { addDays, atField, bi, dayAfter, firstReason, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import { basisLine, prepareEvent, signingRules, type DecisionKind } from './prepared-decisions';
import type { Bilingual, FieldHint } from './types';

/** Financing covers at most this share of the verified export contract value. */
export const EXIM_ORDER_SHARE = 0.8;
/** Days after the buyer's payment due date within which the receivable is collected and repays. */
export const COLLECTION_DAYS = 30;
const EXTENSION_MAX_DAYS = 180;

export type EximFinancing = LoanBook & {
  verifiedOrderValue: number | null;
  repaymentDueDate: string | null;
  extensions: { from: string; to: string; at: string }[];
};
type C = EximFinancing;
const hint = (zh: string, en: string, value: number | string): FieldHint => ({ label: bi(zh, en), value, ...(typeof value === 'number' ? { unit: 'yuan' as const } : {}) });
type Order = { orderValueCny?: number; shipmentDate?: string; paymentDueDate?: string };

const initial = (form: Record<string, unknown>): C => ({ ...loanBook(form), verifiedOrderValue: null, repaymentDueDate: null, extensions: [] });
const order = (c: C) => (c.form.order ?? {}) as Order;
const isReceivables = (c: C) => c.form.financingType === 'receivables';
const ceilingOf = (c: C) => Math.min(c.requestedAmount, Math.floor(num(c.verifiedOrderValue) * EXIM_ORDER_SHARE));
const nowOf = (c: C, f?: { now: string }) => f?.now ?? c.lastEventAt ?? new Date(0).toISOString();
/** A calendar date `days` after another (YYYY-MM-DD); today's when there is none yet. */
const datePlus = (date: string | null | undefined, days: number, c: C) =>
  addDays(date && !Number.isNaN(Date.parse(date)) ? `${date.slice(0, 10)}T00:00:00Z` : nowOf(c), days).slice(0, 10);
const latestRepayment = (c: C) => datePlus(order(c).paymentDueDate, COLLECTION_DAYS, c);

const extension: DecisionKind<C> = {
  label: bi('展期', 'Extension'),
  apply: (c, p, ev) => ({
    repaymentDueDate: String(p.data.newDueDate), schedule: [{ dueDate: String(p.data.newDueDate), amount: num(c.committedAmount) }], overdueSince: null,
    extensions: [...c.extensions, { from: String(c.repaymentDueDate), to: String(p.data.newDueDate), at: ev.facts.now }],
  }),
  letter: (b, a, p) => ({ outcome: 'financing-extended', title: bi('展期决定', 'Extension decision'), amount: outstanding(a),
    conditions: `还款到期日由 ${b.repaymentDueDate} 展期至 ${a.repaymentDueDate} / Repayment due date extended from ${b.repaymentDueDate} to ${a.repaymentDueDate}`,
    reasons: basisLine(p), section: '六.(二)', preparedBy: p.by }),
};
const decisions = { extension, ...troubleDecisions } as Record<string, DecisionKind<C>>;

const creditTitle = bi('融资审批决定', 'Financing decision');
const collection = {
  receiptNo: text(2, 60, '收汇凭证号（银行收汇水单） / FX receipt number'),
  currency,
  foreignAmount: z.number().positive().describe('收汇金额（原币） / Amount received in its currency'),
};

const events: EventDef<C>[] = [
  { type: 'liaison.verify-order', label: bi('订单核实', 'Verify the export contract'), roles: ['liaison'],
    schema: z.object({ verifiedOrderValueCny: positiveYuan('核实合同金额 / Verified contract value'), note }).strict(),
    effect: (c, ev) => ({ verifiedOrderValue: num(ev.data.verifiedOrderValueCny), preparedBy: prepare(c, ev.actor.id) }),
    example: (c) => ({ verifiedOrderValueCny: num(order(c).orderValueCny), note: '合同与报关记录一致 / Contract matches customs records' }),
    hints: (c) => ({ verifiedOrderValueCny: [hint('申请表所填订单折人民币', 'Order value in CNY stated in the application', num(order(c).orderValueCny))] }) },
  { type: 'liaison.approve-financing', label: bi('批准融资', 'Approve the financing'), roles: ['liaison'],
    schema: z.object({
      amount: positiveYuan('批准金额 / Approved amount'),
      repaymentDueDate: isoDate('还款到期日 / Repayment due date'),
      interestRate: rateField,
      conditions: text(0, 4000, '条件 / Conditions'),
    }).strict(),
    effect: (_c, ev) => ({
      committedAmount: num(ev.data.amount), committedBy: ev.actor.id, conditions: String(ev.data.conditions) || null,
      repaymentDueDate: String(ev.data.repaymentDueDate), interestRate: num(ev.data.interestRate), interestAsOf: ev.facts.now,
      // Repaid in one sum from the buyer's payment; the schedule caps at what was disbursed.
      schedule: [{ dueDate: String(ev.data.repaymentDueDate), amount: num(ev.data.amount) }],
    }),
    example: (c) => ({ amount: ceilingOf(c), repaymentDueDate: latestRepayment(c), interestRate: 0.035, conditions: '应收账款质押 / Receivables pledged' }),
    amountField: 'amount',
    hints: (c) => ({
      amount: [hint('核实合同金额', 'Verified contract value', num(c.verifiedOrderValue)), hint(`最多可批（申请额及核实合同的 ${EXIM_ORDER_SHARE * 100}%）`, `At most (the request and ${EXIM_ORDER_SHARE * 100}% of the verified contract)`, ceilingOf(c))],
      ...(order(c).paymentDueDate ? { repaymentDueDate: [hint('订单买方付款到期日', 'Buyer payment due date of the order', String(order(c).paymentDueDate))] } : {}),
    }),
    decision: (_b, a) => ({ outcome: 'financing-approved', title: creditTitle, amount: a.committedAmount, conditions: a.conditions,
      reasons: `${isReceivables(a) ? '应收账款融资 / Receivables financing' : '订单融资 / Order financing'}；核实合同金额 ${yuan(num(a.verifiedOrderValue))} / Verified contract ${yuanEn(num(a.verifiedOrderValue))}；还款到期日 ${a.repaymentDueDate} / Due ${a.repaymentDueDate}`,
      section: '六.(二)', preparedBy: a.preparedBy[0] ?? null }) },
  drawEvent('liaison.disburse', bi('放款', 'Disburse')),
  repaymentEvent(collection, (c) => ({ receiptNo: `FX-${(c.lastEventAt ?? '').slice(0, 10)}-${c.repayments.length + 1}`, currency: 'USD', foreignAmount: 1 })),
  overdueEvent,
  prepareEvent<C>({ type: 'liaison.prepare-extension', kind: 'extension', label: bi('拟定展期', 'Prepare an extension (展期)'),
    schema: z.object({ newDueDate: isoDate('展期后到期日 / New due date'), reason, basis: text(2, 500, '依据 / Basis') }).strict(),
    example: (c) => ({ newDueDate: datePlus(c.repaymentDueDate, 90, c), reason: '买方付款延迟，已确认付款计划 / The buyer pays late on a confirmed plan',
      basis: '融资合同第九条 / Financing contract clause 9' }) }),
  ...troubleEvents((c) => nowOf(c as C)).filter((e) => e.type !== 'liaison.prepare-restructuring'),
  recoveryEvent,
];

const signing = signingRules<C>(decisions, { extension: (c, ev) => extensionReason(c, { ...ev, data: c.pending?.data ?? {} }) });

/** Once only, to a later date within the limit. */
function extensionReason(c: C, ev: Parameters<Rule<C>>[1]): Bilingual | null {
  if (c.extensions.length > 0) return bi('已展期一次，不能再次展期', 'The financing was already extended once');
  const to = String(ev.data.newDueDate);
  const limit = datePlus(c.repaymentDueDate, EXTENSION_MAX_DAYS, c);
  if (to <= String(c.repaymentDueDate)) return atField('newDueDate', bi(`展期后到期日须晚于原到期日（${c.repaymentDueDate}）`, `The new due date must be after the current one (${c.repaymentDueDate})`));
  return to <= limit ? null : atField('newDueDate', bi(`展期不得超过 ${EXTENSION_MAX_DAYS} 天（至 ${limit}）`, `An extension may not exceed ${EXTENSION_MAX_DAYS} days (to ${limit})`));
}

export const eximRules: Record<string, Rule<C>> = {
  ...servicingRules, ...signing,
  // 政策 一.一, 二.二 at verification; the verified value never exceeds the contract's own value.
  verification: (c, ev) => firstReason(screeningReason(c, ev), atField('verifiedOrderValueCny',
    num(ev.data.verifiedOrderValueCny) <= num(order(c).orderValueCny) ? null
      : bi(`核实金额不得超过合同金额（${yuan(num(order(c).orderValueCny))}）`, `The verified value may not exceed the contract value (${yuanEn(num(order(c).orderValueCny))})`))),
  creditFourEyes: (c, ev) => fourEyesReason(ev.actor.id, c.preparedBy),
  creditDecision: (c, ev) => {
    const max = ceilingOf(c);
    const due = String(ev.data.repaymentDueDate);
    const shipped = Date.parse(`${order(c).shipmentDate}T00:00:00Z`) <= Date.parse(ev.facts.now);
    return firstReason(
      fourEyesReason(ev.actor.id, c.preparedBy),
      atField('amount', num(ev.data.amount) <= max ? null
        : bi(`批准金额不得超过申请额及核实合同金额的 80%（${yuan(max)}）`, `The amount may not exceed the request or 80% of the verified contract (${yuanEn(max)})`)),
      // Pre-shipment finance is for goods still to ship; receivables finance for goods shipped.
      !isReceivables(c) && shipped ? bi(`出运日（${order(c).shipmentDate}）已过，订单融资须在出运前批准；已出运的可申请应收账款融资`,
        `The shipment date (${order(c).shipmentDate}) has passed: order financing is approved before shipment; shipped goods qualify for receivables financing`) : null,
      isReceivables(c) && !shipped ? bi('货物尚未出运，不能办理应收账款融资', 'The goods have not shipped: no receivables financing yet') : null,
      atField('repaymentDueDate', due >= String(order(c).paymentDueDate) && due <= latestRepayment(c) ? null
        : bi(`还款到期日须在买方付款到期日（${order(c).paymentDueDate}）至其后 ${COLLECTION_DAYS} 天之间`,
          `The repayment due date must fall between the buyer's payment due date (${order(c).paymentDueDate}) and ${COLLECTION_DAYS} days after it`)),
      atField('repaymentDueDate', Date.parse(due) > Date.parse(ev.facts.now) ? null : bi('还款到期日须晚于今天', 'The repayment due date must lie in the future')),
    );
  },
  // Disbursements only before the repayment falls due.
  canDisburse: (c, ev) => (Date.parse(ev.facts.now) < Date.parse(dayAfter(String(c.repaymentDueDate))) ? servicingRules.drawWithin!(c, ev)
    : bi('已到还款到期日，不能再放款', 'The repayment is due: no further disbursement')),
  // Settled when what was disbursed is repaid with its interest; any undisbursed part lapses.
  settlesFinancing: (c, ev) => (c.drawn > 0 && num(ev.data.amount) === outstanding(c) && num(ev.data.interest) === interestDue(c, ev.facts.now) ? null
    : bi('本次还款未结清全部本息', 'This repayment does not settle all principal and interest')),
  extensionPreparable: (c, ev) => signing.nothingPrepared!(c, ev) ?? extensionReason(c, ev),
};

export const eximTimer = (c: C, state: string): Timer | null => (state === 'outstanding' ? overdueTimer(c) : null);

export const eximEvents = { initial, events, decisions, undrawn };
