// Version 1 of the commerce-department grants, kept so that cases begun under it still load and
// finish; new cases use ../government-fund.ts. Here the officer paid each tranche alone, special
// funds paid everything before acceptance, and a failed acceptance ended the case.
import { z } from 'zod';
import { go, type EventDef } from '../define-workflow';
import { positiveYuan } from '../form-fields';
import { buildGovernmentFund, implementationAndAcceptance, type GovFundOptions } from '../government-fund';
import { hint, remaining, type GovFundContext } from '../government-fund-events';
import { bi, num } from '../policy-guards';
import { PLATFORM_GRANT_OPTIONS } from '../trade-platform-grant';
import { SPECIAL_FUND_OPTIONS } from '../special-fund';
import type { Workflow } from '../types';

type C = GovFundContext;

const disburse: EventDef<C> = {
  type: 'officer.disburse', label: bi('拨付资金', 'Disburse a tranche'), roles: ['officer'], irreversible: true, amountField: 'amount',
  hints: (c) => ({ amount: [hint('本阶段尚可拨付', 'Left to pay in this phase', remaining(c)), hint('批准金额', 'Approved', num(c.approvedAmount))] }),
  schema: z.object({ amount: positiveYuan('拨付金额 / Tranche amount') }).strict(),
  effect: (c, ev) => ({ disbursed: c.disbursed + num(ev.data.amount), tranches: [...c.tranches, { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now }] }),
  example: (c) => ({ amount: Math.max(1, remaining(c) > num(c.approvedAmount) / 2 ? Math.ceil(remaining(c) / 2) : remaining(c)) }),
};

function governmentFundV1(o: GovFundOptions): Workflow<C> {
  const hasFinalPayment = o.advanceShare < 1;
  const pay = (done: string) => ({ 'officer.disburse': [go(done, 'trancheCompletes'), go(null, 'trancheWithin')] });
  return buildGovernmentFund(o, {
    version: 1,
    states: {
      disbursement: { label: bi('拨付中', 'Disbursement'), on: pay('implementation') },
      ...implementationAndAcceptance(hasFinalPayment),
      ...(hasFinalPayment ? { finalPayment: { label: bi('尾款拨付', 'Final payment'), on: pay('closed') } } : {}),
      closed: { label: bi('已办结', 'Closed'), final: true },
      acceptanceFailed: { label: bi('验收未通过', 'Acceptance failed'), final: true },
    },
    events: [disburse],
    rules: {},
  });
}

export const specialFund = governmentFundV1({ ...SPECIAL_FUND_OPTIONS, advanceShare: 1 });
export const tradePlatformGrant = governmentFundV1(PLATFORM_GRANT_OPTIONS);
