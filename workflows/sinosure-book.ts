// The book of a Sinosure short-term export credit insurance policy (政策 六.二), version 3.
// The context stays compact whatever the length of the policy's life: it keeps the buyers
// with their aggregates, the shipments still open (not yet paid, lapsed or settled by a claim),
// the losses still open and the premium invoices still unpaid; every step is in the history.
import { baseContext, type CaseContext } from './application-events';
import type { Timer } from './define-workflow';
import { addDays, bi, datePlus, dayAfter, num } from './policy-guards';
import type { PreparedContext } from './prepared-decisions';
import type { Bilingual, FieldChoice } from './types';

/** A buyer and its credit limit. `requested`: a request (first or a change) awaiting decision. */
export type Buyer = {
  id: number; name: string; country: string;
  status: 'pending' | 'approved' | 'refused' | 'cancelled';
  limit: number;          // the approved limit; a cancelled limit still covers what was shipped under it
  requested: number | null;
  exposure: number;       // open shipments' unpaid amounts
  declared: number;       // all shipments declared to this buyer, in yuan
  indemnified: number;    // indemnity paid on losses of this buyer
  admitted: number;       // assessed losses indemnified: what recoveries are shared against
  recovered: number;
};
export type Shipment = { id: number; buyerId: number; invoiceNo: string; amount: number; shippedOn: string; dueDate: string; lossId: number | null };
/** A possible loss on one shipment, and the claim on it as it goes. */
export type Loss = {
  id: number; buyerId: number; shipmentId: number; amount: number; reason: string; notifiedAt: string;
  claimed: number | null; assessedLoss: number | null; recommended: number | null; preparedBy: number | null;
};
export type Invoice = { id: number; amount: number; paid: number; dueDate: string };
export type Period = { no: number; start: string; end: string };

export type SinosureBook = CaseContext & PreparedContext & {
  preparedBy: number[];   // the underwriter who prepared the policy terms (four eyes at issue)
  terms: { premiumRate: number; insuredPercentage: number; maxLiability: number } | null;
  policyNo: string | null;
  issuedBy: number | null;
  period: Period | null;
  coverStart: string | null;  // the first policy year's start: renewals continue the cover
  seq: number;            // the last id given to a buyer, shipment, loss or invoice
  buyers: Buyer[];
  shipments: Shipment[];  // open only
  losses: Loss[];         // open only
  invoices: Invoice[];    // unpaid only
  shipmentsDeclared: number;
  premiumDeclared: number; premiumInvoiced: number; premiumPaid: number;
  suspendedSince: string | null;             // cover of new shipments suspended from that day (premium overdue)
  suspensions: { from: string; to: string }[];
  lossesNotified: number; lossesAverted: number; claimsPaid: number; claimsRefused: number; shipmentsLapsed: number;
  indemnityPaid: number;  // over the policy's life
  periodIndemnity: number; // in the current policy year, within the maximum liability
  recovered: number; recoveredToInsurer: number; recoveredToInsured: number; recoveries: number;
  limitChanges: number;
  ending: 'expiry' | 'close' | null;          // why cover ended, while open shipments and losses run off
};

export function sinosureBook(form: Record<string, unknown>): SinosureBook {
  return {
    ...baseContext(form), pending: null, decisionsSigned: 0, preparedBy: [], terms: null, policyNo: null, issuedBy: null, period: null, coverStart: null,
    seq: 0, buyers: [], shipments: [], losses: [], invoices: [], shipmentsDeclared: 0, premiumDeclared: 0, premiumInvoiced: 0, premiumPaid: 0,
    suspendedSince: null, suspensions: [], lossesNotified: 0, lossesAverted: 0, claimsPaid: 0, claimsRefused: 0, shipmentsLapsed: 0,
    indemnityPaid: 0, periodIndemnity: 0, recovered: 0, recoveredToInsurer: 0, recoveredToInsured: 0, recoveries: 0, limitChanges: 0, ending: null,
  };
}

type C = SinosureBook;

/** Declarations are due by the 15th of the month after shipment (保单 出运申报期限). */
export const DECLARATION_DAY = 15;
/** A possible loss is notified within 60 days of the buyer's payment due date (可能损失通知期限). */
export const NOTICE_DAYS = 60;
/** Premium invoices fall due within this many days. */
export const INVOICE_MAX_DAYS = 90;

/** Today's date in Beijing (YYYY-MM-DD). */
export const beijingDay = (iso: string) => addDays(iso, 8 / 24).slice(0, 10);
export { datePlus };
/** The last day a shipment may be declared: the 15th of the following month. */
export function declarationDeadline(shippedOn: string): string {
  const [y, m] = shippedOn.split('-').map(Number) as [number, number];
  const next = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${next[0]}-${String(next[1]).padStart(2, '0')}-${DECLARATION_DAY}`;
}
export const noticeDeadline = (s: Shipment) => datePlus(s.dueDate, NOTICE_DAYS);
/** A policy year: from `start` to the day before the same date a year later. */
export function policyYear(no: number, start: string): Period {
  const d = new Date(`${start}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return { no, start, end: datePlus(d.toISOString(), -1) };
}

export const buyerOf = (c: C, id: unknown) => c.buyers.find((b) => b.id === num(id));
export const shipmentOf = (c: C, id: unknown) => c.shipments.find((s) => s.id === num(id));
export const lossOf = (c: C, id: unknown) => c.losses.find((l) => l.id === num(id));
export const invoiceOf = (c: C, id: unknown) => c.invoices.find((i) => i.id === num(id));
export const headroom = (b: Buyer) => (b.status === 'approved' ? Math.max(0, b.limit - b.exposure) : 0);
export const uninvoiced = (c: C) => c.premiumDeclared - c.premiumInvoiced;
export const nothingOpen = (c: C) => c.shipments.length === 0 && c.losses.length === 0;
export const overdueInvoices = (c: C, now: string) => c.invoices.filter((i) => Date.parse(dayAfter(i.dueDate)) <= Date.parse(now));
export const pct = (c: C) => num(c.terms?.insuredPercentage);

/** 保险责任: the insured share of the assessed loss, within what is left of the buyer's limit and of the year's maximum liability. */
export function indemnityCap(c: C, loss: Loss | undefined, assessed = num(loss?.assessedLoss)): number {
  const buyer = buyerOf(c, loss?.buyerId);
  if (!loss || !buyer) return 0;
  return Math.max(0, Math.min(Math.floor(assessed * pct(c) / 100), buyer.limit - buyer.indemnified, num(c.terms?.maxLiability) - c.periodIndemnity));
}

/** The buyers with a change of their exposure (a shipment paid, settled or lapsed frees its share of the limit). */
export const withExposure = (c: C, buyerId: number, delta: number, extra: Partial<Buyer> = {}): Buyer[] =>
  c.buyers.map((b) => (b.id === buyerId ? { ...b, ...extra, exposure: b.exposure + delta } : b));

/** The shipment (and its loss) gone from the open book, its amount freed from the buyer's exposure. */
export function settleShipment(c: C, shipmentId: number, extra: Partial<Buyer> = {}): Partial<C> {
  const s = shipmentOf(c, shipmentId);
  if (!s) return {};
  return {
    buyers: withExposure(c, s.buyerId, -s.amount, extra),
    shipments: c.shipments.filter((x) => x.id !== s.id),
    losses: c.losses.filter((l) => l.shipmentId !== s.id),
  };
}

const earliest = (...timers: (Timer | null)[]): Timer | null =>
  timers.filter((t): t is Timer => t !== null).sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
const first = (dates: string[]) => [...dates].sort()[0];

/** Scheduler: the policy year's end, a premium invoice falling overdue, a shipment's notice period ending, the run-off done. */
export function policyTimer(c: C, state: string): Timer | null {
  const unclaimed = first(c.shipments.filter((s) => s.lossId === null).map(noticeDeadline));
  const notice = unclaimed ? { type: 'system.notice-period-ended', at: dayAfter(unclaimed) } : null;
  const expiry = c.period ? { type: 'system.policy-expired', at: dayAfter(c.period.end) } : null;
  const due = first(c.invoices.map((i) => i.dueDate));
  if (state === 'policy.cover.active') return earliest(expiry, notice, due ? { type: 'system.premium-overdue', at: dayAfter(due) } : null);
  if (state === 'policy.cover.suspended') return earliest(expiry, notice);
  if (state === 'policy.runOff') return nothingOpen(c) ? { type: 'system.run-off-ended', at: c.lastEventAt ?? '1970-01-01T00:00:00.000Z' } : notice;
  return null;
}

/** A reason for a step that needs something the case does not hold (nothing to choose). */
export const nothing = (zh: string, en: string, field?: string): Bilingual & { field?: string } => ({ ...bi(`没有${zh}`, `There is no ${en}`), ...(field ? { field } : {}) });

export const choice = (value: number, zh: string, en: string): FieldChoice => ({ value, label: bi(zh, en) });
