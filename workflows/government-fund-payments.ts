// Release of funds (拨付) of a commerce-department grant: approval (批复) and payment are separate
// steps. The finance side pays against the approval, four eyes: one person prepares a payment,
// another releases it, never more than the current phase allows (the advance before acceptance,
// the balance after it) and so never above the approved amount.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { positiveYuan, reason } from './form-fields';
import { hint, remaining, TRANCHE, type GovFundContext } from './government-fund-events';
import { atField, bi, ceilingReason, firstReason, fourEyesReason, num, yuan, yuanEn } from './policy-guards';

type C = GovFundContext;

const amountField = { amount: positiveYuan('拨付金额 / Amount to pay') };

// The releaser types the amount again: it must be the prepared one, and someone else releases it.
const releaseWithin: Rule<C> = (c, ev) => {
  const p = c.paymentPrepared;
  if (!p) return bi('没有待复核的拨付', 'No payment is waiting to be released');
  return firstReason(
    fourEyesReason(ev.actor.id, [p.by]),
    num(ev.data.amount) === p.amount ? null : atField('amount', bi(`拨付金额须与经办人准备的金额一致（${yuan(p.amount)}）`, `The amount must be the one prepared (${yuanEn(p.amount)})`)),
    ceilingReason(num(ev.data.amount), remaining(c), TRANCHE),
  );
};

export const paymentRules: Record<string, Rule<C>> = {
  paymentPreparable: (c, ev) => firstReason(
    c.paymentPrepared ? bi(`已有待复核的拨付（${yuan(c.paymentPrepared.amount)}），请先复核拨付或退回`,
      `A payment of ${yuanEn(c.paymentPrepared.amount)} awaits release: release or return it first`) : null,
    ceilingReason(num(ev.data.amount), remaining(c), TRANCHE),
  ),
  paymentPending: (c) => (c.paymentPrepared ? null : bi('没有待复核的拨付', 'No payment is waiting to be released')),
  releaseWithin,
  // The payment that completes the phase passes every check of any other release first.
  releaseCompletes: (c, ev) => releaseWithin(c, ev) ?? (num(ev.data.amount) === remaining(c) ? null : bi('本次拨付未拨足本阶段额度', 'This payment does not complete the phase')),
};

const pay = (c: C, ev: Parameters<Rule<C>>[1]): Partial<C> => ({
  disbursed: c.disbursed + num(ev.data.amount), paymentPrepared: null,
  tranches: [...c.tranches, { amount: num(ev.data.amount), by: ev.actor.id, preparedBy: c.paymentPrepared?.by, at: ev.facts.now }],
});

export const paymentEvents: EventDef<C>[] = [
  { type: 'finance.prepare-payment', label: bi('准备拨付', 'Prepare a payment'), roles: ['finance'],
    schema: z.object(amountField).strict(),
    effect: (_c, ev) => ({ paymentPrepared: { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now } }),
    hints: (c) => ({ amount: [hint('本阶段尚可拨付', 'Left to pay in this phase', remaining(c)), hint('批准金额', 'Approved', num(c.approvedAmount))] }),
    // Half of what is left while more than half the grant remains, so that examples pay in tranches.
    example: (c) => ({ amount: Math.max(1, remaining(c) > num(c.approvedAmount) / 2 ? Math.ceil(remaining(c) / 2) : remaining(c)) }) },
  { type: 'finance.release-payment', label: bi('复核并拨付', 'Release the prepared payment'), roles: ['finance'], irreversible: true, amountField: 'amount',
    schema: z.object(amountField).strict(),
    effect: pay,
    hints: (c) => ({ amount: [...(c.paymentPrepared ? [hint('经办人准备的拨付金额', 'Prepared by the first person', c.paymentPrepared.amount)] : []), hint('本阶段尚可拨付', 'Left to pay in this phase', remaining(c))] }),
    example: (c) => ({ amount: c.paymentPrepared?.amount ?? 1 }) },
  { type: 'finance.return-payment', label: bi('退回拨付', 'Return the prepared payment'), roles: ['finance'],
    schema: z.object({ reason }).strict(),
    effect: () => ({ paymentPrepared: null }),
    example: () => ({ reason: '收款账户与协议不符 / The account does not match the agreement' }) },
];
