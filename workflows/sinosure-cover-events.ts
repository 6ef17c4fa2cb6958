// Sinosure policy cover (政策 六.二), version 3: buyer credit limits (requested, approved —
// possibly lower —, reduced, cancelled), shipments declared within a buyer's limit and the
// declaration deadline, the buyer's payment freeing its share, premium invoiced at the policy's
// rate and paid; an overdue invoice suspends cover for new shipments until it is paid.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { countryCode, isoDate, positiveYuan, reason, text } from './form-fields';
import { atField, bi, ceilingReason, num, yuan, yuanEn } from './policy-guards';
import {
  beijingDay, buyerOf, choice, datePlus, declarationDeadline, headroom, INVOICE_MAX_DAYS, invoiceOf, nothing, overdueInvoices,
  shipmentOf, uninvoiced, withExposure, type Buyer, type SinosureBook,
} from './sinosure-book';
import type { DecisionSpec, FieldChoice, FieldHint, Reason } from './types';

type C = SinosureBook;
const hint = (zh: string, en: string, value: number): FieldHint => ({ label: bi(zh, en), value, unit: 'yuan' });
export const decided = (outcome: string, title: [string, string], amount: number | null, reasons: string | null, conditions: string | null = null): DecisionSpec =>
  ({ outcome, title: bi(...title), amount, conditions, reasons, section: '六.二' });
const buyerLine = (b: Buyer | undefined) => `买方 ${b?.name} / Buyer ${b?.name}`;

const buyerChoices = (c: C, which: (b: Buyer) => boolean, detail: (b: Buyer) => [string, string]): FieldChoice[] =>
  c.buyers.filter(which).map((b) => { const [zh, en] = detail(b); return choice(b.id, `${b.name}（${zh}）`, `${b.name} (${en})`); });
const awaiting = (b: Buyer) => b.requested !== null;
const approved = (b: Buyer) => b.status === 'approved';
const requestedLine = (b: Buyer): [string, string] => [`申请限额 ${yuan(num(b.requested))}`, `limit requested ${yuanEn(num(b.requested))}`];
const limitLine = (b: Buyer): [string, string] => [`限额 ${yuan(b.limit)}，未收汇 ${yuan(b.exposure)}`, `limit ${yuanEn(b.limit)}, unpaid ${yuanEn(b.exposure)}`];

export const unpaidShipments = (c: C) => c.shipments.filter((s) => s.lossId === null);
export const shipmentChoices = (c: C): FieldChoice[] => unpaidShipments(c).map((s) => choice(s.id,
  `${buyerOf(c, s.buyerId)?.name} 发票 ${s.invoiceNo}，未收汇 ${yuan(s.amount)}，应付款日 ${s.dueDate}`,
  `${buyerOf(c, s.buyerId)?.name} invoice ${s.invoiceNo}, unpaid ${yuanEn(s.amount)}, due ${s.dueDate}`));

const buyerId = z.number().int().positive().describe('买方 / Buyer');
const shipmentId = z.number().int().positive().describe('出运（发票） / Shipment (invoice)');
const invoiceId = z.number().int().positive().describe('保费发票 / Premium invoice');
const NO_REQUEST = nothing('待审批的买方限额申请', 'buyer credit-limit request awaiting decision', 'buyerId');
const NO_LIMIT = nothing('有效的买方信用限额', 'approved buyer credit limit', 'buyerId');
const NO_SHIPMENT = nothing('未收汇的出运', 'unpaid shipment to choose', 'shipmentId');

/** Not below what is already shipped and unpaid: exposure never exceeds the limit. */
const notBelowExposure = (amount: number, b: Buyer): Reason | null => (amount >= b.exposure ? null
  : atField('amount', bi(`限额不得低于该买方未收汇出运金额（${yuan(b.exposure)}）`, `The limit may not be below the buyer's unpaid shipments (${yuanEn(b.exposure)})`)));
const sameName = (a: string, b: unknown) => a.trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

function shipmentReason(c: C, ev: Parameters<Rule<C>>[1]): Reason | null {
  const b = buyerOf(c, ev.data.buyerId);
  if (!b || !approved(b)) return NO_LIMIT;
  const today = beijingDay(ev.facts.now);
  const shippedOn = String(ev.data.shippedOn);
  const at = (zh: string, en: string) => atField('shippedOn', bi(zh, en));
  if (shippedOn > today) return at(`出运日期不得晚于今天（${today}）`, `The shipment date may not be after today (${today})`);
  const from = c.coverStart ?? c.period?.start ?? shippedOn;
  if (c.period && (shippedOn < from || shippedOn > c.period.end)) {
    return at(`出运日期须在保险期间内（${from} 至 ${c.period.end}）`, `The shipment date must fall within the period of cover (${from} to ${c.period.end})`);
  }
  const deadline = declarationDeadline(shippedOn);
  if (today > deadline) return at(`申报期限已过：该出运应于 ${deadline} 前申报`, `Too late: this shipment had to be declared by ${deadline}`);
  const suspended = c.suspensions.find((w) => shippedOn >= w.from && shippedOn <= w.to) ?? (c.suspendedSince && shippedOn >= c.suspendedSince ? { from: c.suspendedSince, to: today } : null);
  if (suspended) return at(`保费逾期期间（${suspended.from} 起）出运的货物不在保险责任内`, `Shipments made while premium was overdue (from ${suspended.from}) are not covered`);
  return ceilingReason(num(ev.data.amount), headroom(b), bi(`出运金额（买方限额 ${yuan(b.limit)}，未收汇 ${yuan(b.exposure)}）`, `The shipment (buyer limit ${yuanEn(b.limit)}, unpaid ${yuanEn(b.exposure)})`));
}

export const coverRules: Record<string, Rule<C>> = {
  newLimitRequest: (c, ev) => {
    const b = c.buyers.find((x) => sameName(x.name, ev.data.buyerName));
    if (b && awaiting(b)) return atField('buyerName', bi('该买方已有待审批的限额申请', 'This buyer already has a limit request awaiting decision'));
    return !b && c.buyers.length >= 50 ? atField('buyerName', bi('一张保单最多 50 个买方', 'A policy covers at most 50 buyers')) : null;
  },
  limitApprovable: (c, ev) => {
    const b = buyerOf(c, ev.data.buyerId);
    if (!b || !awaiting(b)) return NO_REQUEST;
    return ceilingReason(num(ev.data.amount), num(b.requested), bi('批复限额（申请额内）', 'The limit (within the request)')) ?? notBelowExposure(num(ev.data.amount), b);
  },
  limitRequested: (c, ev) => (buyerOf(c, ev.data.buyerId)?.requested != null ? null : NO_REQUEST),
  limitReducible: (c, ev) => {
    const b = buyerOf(c, ev.data.buyerId);
    if (!b || !approved(b)) return NO_LIMIT;
    if (num(ev.data.amount) >= b.limit) return atField('amount', bi(`调减后的限额须低于现有限额（${yuan(b.limit)}）；提高限额请由被保险人申请`, `The reduced limit must be below the current one (${yuanEn(b.limit)}); an increase is requested by the insured`));
    return notBelowExposure(num(ev.data.amount), b);
  },
  limitApproved: (c, ev) => (buyerOf(c, ev.data.buyerId)?.status === 'approved' ? null : NO_LIMIT),
  shipmentCovered: shipmentReason,
  paymentWithin: (c, ev) => {
    const s = shipmentOf(c, ev.data.shipmentId);
    if (!s || s.lossId !== null) return NO_SHIPMENT;
    return ceilingReason(num(ev.data.amount), s.amount, bi('收汇金额（该出运未收汇金额内）', 'The payment (within what is unpaid on the shipment)'));
  },
  invoiceable: (c, ev) => {
    const due = uninvoiced(c);
    if (due <= 0) return nothing('已申报未开票的保费', 'premium left to invoice');
    if (num(ev.data.amount) !== due) return atField('amount', bi(`发票金额须等于已申报未开票的保费（${yuan(due)}）`, `The invoice must be for the premium declared and not yet invoiced (${yuanEn(due)})`));
    const today = beijingDay(ev.facts.now);
    const dueDate = String(ev.data.dueDate);
    const latest = datePlus(today, INVOICE_MAX_DAYS);
    return dueDate > today && dueDate <= latest ? null
      : atField('dueDate', bi(`付款期限须在今天之后、${latest} 之前`, `The due date must be after today and no later than ${latest}`));
  },
  premiumWithin: (c, ev) => {
    const i = invoiceOf(c, ev.data.invoiceId);
    if (!i) return nothing('未付的保费发票', 'unpaid premium invoice', 'invoiceId');
    return ceilingReason(num(ev.data.amount), i.amount - i.paid, bi('缴费金额（发票未付金额内）', 'The payment (within what is unpaid on the invoice)'));
  },
  curesOverdue: (c, ev) => coverRules.premiumWithin!(c, ev) ?? (overdueAfterPayment(c, ev).length === 0 ? null
    : atField('amount', bi('本次缴费后仍有逾期保费，保险责任继续中止', 'Premium is still overdue after this payment: cover stays suspended'))),
  premiumOverdue: (c, ev) => (overdueInvoices(c, ev.facts.now).length > 0 ? null : nothing('逾期未付的保费', 'premium overdue')),
};

function paid(c: C, ev: Parameters<Rule<C>>[1]) {
  return c.invoices.map((i) => (i.id === num(ev.data.invoiceId) ? { ...i, paid: i.paid + num(ev.data.amount) } : i)).filter((i) => i.paid < i.amount);
}
const overdueAfterPayment = (c: C, ev: Parameters<Rule<C>>[1]) => overdueInvoices({ ...c, invoices: paid(c, ev) }, ev.facts.now);

const LIMIT_TITLE: [string, string] = ['买方信用限额批复', 'Buyer credit-limit decision'];
const withReason = (a: C, data: Record<string, unknown>) => `${buyerLine(buyerOf(a, data.buyerId))}${data.reason ? `；${String(data.reason)}` : ''}`;

export const coverEvents: EventDef<C>[] = [
  { type: 'applicant.request-limit', label: bi('申请买方信用限额', 'Request a buyer credit limit'), roles: ['applicant'], optional: true,
    schema: z.object({ buyerName: text(2, 200, '买方名称 / Buyer name'), country: countryCode, amount: positiveYuan('申请限额 / Limit requested') }).strict(),
    // A buyer already on the policy asks for a new limit; a new buyer joins the policy.
    effect: (c, ev) => {
      const known = c.buyers.find((b) => sameName(b.name, ev.data.buyerName));
      if (known) return { buyers: c.buyers.map((b) => (b === known ? { ...b, requested: num(ev.data.amount) } : b)) };
      const b: Buyer = { id: c.seq + 1, name: String(ev.data.buyerName), country: String(ev.data.country), status: 'pending', limit: 0, requested: num(ev.data.amount), exposure: 0, declared: 0, indemnified: 0, admitted: 0, recovered: 0 };
      return { seq: c.seq + 1, buyers: [...c.buyers, b] };
    },
    example: (c) => ({ buyerName: `Hansa Retail ${c.buyers.length + 1} GmbH`, country: 'DE', amount: 2_000_000 }) },
  { type: 'liaison.approve-limit', label: bi('批复买方限额', 'Approve a buyer credit limit'), roles: ['liaison'],
    schema: z.object({ buyerId, amount: positiveYuan('批复限额 / Limit approved') }).strict(), amountField: 'amount',
    choices: (c) => ({ buyerId: buyerChoices(c, awaiting, requestedLine) }),
    effect: (c, ev) => ({ buyers: c.buyers.map((b) => (b.id === num(ev.data.buyerId) ? { ...b, status: 'approved' as const, limit: num(ev.data.amount), requested: null } : b)) }),
    example: (c) => { const b = c.buyers.find(awaiting); return { buyerId: b?.id ?? 1, amount: Math.max(1, num(b?.requested)) }; },
    decision: (_b, a, ev) => decided('credit-limit-approved', LIMIT_TITLE, num(ev.data.amount), withReason(a, ev.data)) },
  { type: 'liaison.refuse-limit', label: bi('拒绝买方限额申请', 'Refuse a buyer credit-limit request'), roles: ['liaison'],
    schema: z.object({ buyerId, reason }).strict(), choices: (c) => ({ buyerId: buyerChoices(c, awaiting, requestedLine) }),
    // A first request refused leaves the buyer without cover; a change refused leaves the limit as it was.
    effect: (c, ev) => ({ buyers: c.buyers.map((b) => (b.id === num(ev.data.buyerId) ? { ...b, requested: null, status: b.status === 'pending' ? 'refused' as const : b.status } : b)) }),
    example: (c) => ({ buyerId: c.buyers.find(awaiting)?.id ?? 1, reason: '买方资信不足 / Buyer creditworthiness insufficient' }),
    decision: (_b, a, ev) => decided('credit-limit-refused', LIMIT_TITLE, null, withReason(a, ev.data)) },
  { type: 'liaison.reduce-limit', label: bi('调减买方限额', 'Reduce a buyer credit limit'), roles: ['liaison'],
    schema: z.object({ buyerId, amount: positiveYuan('调减后的限额 / Reduced limit'), reason }).strict(), amountField: 'amount',
    choices: (c) => ({ buyerId: buyerChoices(c, approved, limitLine) }),
    hints: (c) => ({ amount: c.buyers.filter(approved).flatMap((b) => [hint(`${b.name} 现有限额`, `${b.name}: current limit`, b.limit), hint(`${b.name} 未收汇`, `${b.name}: unpaid shipments`, b.exposure)]) }),
    effect: (c, ev) => ({ limitChanges: c.limitChanges + 1, buyers: c.buyers.map((b) => (b.id === num(ev.data.buyerId) ? { ...b, limit: num(ev.data.amount) } : b)) }),
    example: (c) => { const b = c.buyers.find(approved); return { buyerId: b?.id ?? 1, amount: Math.max(b?.exposure ?? 1, Math.floor(num(b?.limit) / 2), 1), reason: '买方付款记录恶化 / The buyer pays later than before' }; },
    decision: (_b, a, ev) => decided('credit-limit-changed', ['买方信用限额变更', 'Buyer credit-limit change'], num(ev.data.amount), withReason(a, ev.data)) },
  { type: 'liaison.cancel-limit', label: bi('撤销买方限额', 'Cancel a buyer credit limit'), roles: ['liaison'],
    schema: z.object({ buyerId, reason }).strict(), choices: (c) => ({ buyerId: buyerChoices(c, approved, limitLine) }),
    // Shipments already declared stay covered; new ones to this buyer are not.
    effect: (c, ev) => ({ buyers: c.buyers.map((b) => (b.id === num(ev.data.buyerId) ? { ...b, status: 'cancelled' as const, requested: null } : b)) }),
    example: (c) => ({ buyerId: c.buyers.find(approved)?.id ?? 1, reason: '买方被列入风险名单 / The buyer is on the risk list' }),
    decision: (_b, a, ev) => decided('credit-limit-cancelled', ['买方信用限额撤销', 'Buyer credit limit cancelled'], null, withReason(a, ev.data)) },
  { type: 'applicant.declare-shipment', label: bi('出运申报', 'Declare a shipment'), roles: ['applicant'], optional: true,
    schema: z.object({ buyerId, invoiceNo: text(1, 60, '发票号 / Invoice number'), amount: positiveYuan('发票金额 / Invoice amount'), shippedOn: isoDate('出运日期 / Shipment date') }).strict(),
    choices: (c) => ({ buyerId: buyerChoices(c, approved, limitLine) }),
    hints: (c) => ({ amount: c.buyers.filter(approved).map((b) => hint(`${b.name} 可用限额`, `${b.name}: limit still available`, headroom(b))) }),
    // The premium is the policy's rate on the declared amount (保费 = 申报金额 × 费率); the buyer's payment is due after the credit period.
    effect: (c, ev) => {
      const amount = num(ev.data.amount);
      const premium = Math.round(amount * num(c.terms?.premiumRate));
      const shippedOn = String(ev.data.shippedOn);
      return {
        seq: c.seq + 1, shipmentsDeclared: c.shipmentsDeclared + 1, premiumDeclared: c.premiumDeclared + premium,
        buyers: withExposure(c, num(ev.data.buyerId), amount, { declared: num(buyerOf(c, ev.data.buyerId)?.declared) + amount }),
        shipments: [...c.shipments, { id: c.seq + 1, buyerId: num(ev.data.buyerId), invoiceNo: String(ev.data.invoiceNo), amount, shippedOn, dueDate: datePlus(shippedOn, num(c.form.creditDays)), lossId: null }],
      };
    },
    // The buyer least used so far that still has room, for a twentieth of the room left.
    example: (c, _a, f) => {
      const b = c.buyers.filter((x) => headroom(x) > 0).sort((x, y) => x.declared / Math.max(1, x.limit) - y.declared / Math.max(1, y.limit) || x.id - y.id)[0];
      const amount = b ? Math.max(1, Math.ceil(headroom(b) / 20)) : 1;
      // While cover is suspended, only goods shipped before the suspension can be declared.
      const today = beijingDay(f?.now ?? c.lastEventAt ?? new Date().toISOString());
      return { buyerId: b?.id ?? 1, invoiceNo: `INV-${c.shipmentsDeclared + 1}`, amount, shippedOn: c.suspendedSince ? datePlus(c.suspendedSince, -1) : today };
    } },
  { type: 'applicant.report-payment', label: bi('登记买方付款（收汇）', 'Report the buyer\'s payment'), roles: ['applicant'], optional: true,
    schema: z.object({ shipmentId, amount: positiveYuan('收汇金额 / Amount received') }).strict(),
    choices: (c) => ({ shipmentId: shipmentChoices(c) }),
    // A paid shipment frees its share of the buyer's limit.
    effect: (c, ev) => {
      const s = shipmentOf(c, ev.data.shipmentId)!;
      const left = s.amount - num(ev.data.amount);
      return { buyers: withExposure(c, s.buyerId, -num(ev.data.amount)), shipments: left > 0 ? c.shipments.map((x) => (x === s ? { ...x, amount: left } : x)) : c.shipments.filter((x) => x !== s) };
    },
    example: (c) => { const s = unpaidShipments(c)[0]; return { shipmentId: s?.id ?? 1, amount: Math.max(1, num(s?.amount)) }; } },
  { type: 'liaison.invoice-premium', label: bi('开具保费发票', 'Invoice the premium'), roles: ['liaison'],
    schema: z.object({ amount: positiveYuan('发票金额 / Invoice amount'), dueDate: isoDate('付款期限 / Due date') }).strict(), amountField: 'amount',
    hints: (c) => ({ amount: [hint('已申报未开票的保费（申报金额 × 费率）', 'Premium declared, not yet invoiced (declared × rate)', uninvoiced(c))] }),
    effect: (c, ev) => ({ seq: c.seq + 1, premiumInvoiced: c.premiumInvoiced + num(ev.data.amount), invoices: [...c.invoices, { id: c.seq + 1, amount: num(ev.data.amount), paid: 0, dueDate: String(ev.data.dueDate) }] }),
    example: (c, _a, f) => ({ amount: Math.max(1, uninvoiced(c)), dueDate: datePlus(beijingDay(f?.now ?? c.lastEventAt ?? new Date().toISOString()), 30) }) },
  { type: 'liaison.record-premium', label: bi('登记保费到账', 'Record a premium payment'), roles: ['liaison'],
    schema: z.object({ invoiceId, amount: positiveYuan('到账金额 / Amount received') }).strict(), amountField: 'amount',
    choices: (c) => ({ invoiceId: c.invoices.map((i) => choice(i.id, `应付 ${yuan(i.amount - i.paid)}，付款期限 ${i.dueDate}`, `${yuanEn(i.amount - i.paid)} due by ${i.dueDate}`)) }),
    // Paying every overdue invoice restores cover for shipments from then on.
    effect: (c, ev) => {
      const cured = c.suspendedSince !== null && overdueAfterPayment(c, ev).length === 0;
      return {
        premiumPaid: c.premiumPaid + num(ev.data.amount), invoices: paid(c, ev),
        // Cover of new shipments resumes on the day of payment.
        ...(cured ? { suspendedSince: null, suspensions: [...c.suspensions, { from: c.suspendedSince!, to: datePlus(beijingDay(ev.facts.now), -1) }] } : {}),
      };
    },
    example: (c) => { const i = c.invoices[0]; return { invoiceId: i?.id ?? 1, amount: Math.max(1, num(i?.amount) - num(i?.paid)) }; } },
  { type: 'system.premium-overdue', label: bi('保费逾期，中止新出运的保险责任', 'Premium overdue: cover of new shipments suspended'), roles: ['system'], schema: z.object({}).strict(),
    effect: (c, ev) => ({ suspendedSince: datePlus(overdueInvoices(c, ev.facts.now).map((i) => i.dueDate).sort()[0]!, 1) }), example: () => ({}) },
];
