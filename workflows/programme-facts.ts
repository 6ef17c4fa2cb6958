// The facts of a case that pages show, as the programmes declare them (types.ts FactSpec):
// the readers know a label, a kind and a value, never the context's field names.
import type { CaseContext } from './application-events';
import type { FactSpec } from './types';

const fact = <C>(key: string, zh: string, en: string, kind: FactSpec['kind'], value: (c: C) => string | number | null | undefined): FactSpec<C> =>
  ({ key, label: { zh, en }, kind, value });

type Any = CaseContext & Record<string, any>;

/** Facts several programmes share, in the order the pages list them. */
export const FACTS = {
  requested: fact<Any>('requestedAmount', '申请金额', 'Requested', 'yuan', (c) => c.requestedAmount),
  approved: fact<Any>('approvedAmount', '批准金额', 'Approved', 'yuan', (c) => c.approvedAmount),
  committed: fact<Any>('committedAmount', '承诺/批准金额', 'Committed', 'yuan', (c) => c.committedAmount),
  disbursed: fact<Any>('disbursed', '已拨付', 'Disbursed', 'yuan', (c) => c.disbursed),
  drawn: fact<Any>('drawn', '已提款', 'Drawn', 'yuan', (c) => c.drawn),
  repaid: fact<Any>('repaid', '已还款', 'Repaid', 'yuan', (c) => c.repaid),
  conditions: fact<Any>('conditions', '条件', 'Conditions', 'text', (c) => c.conditions),
  noticeEndsAt: fact<Any>('noticeEndsAt', '公示截止', 'Notice ends', 'date', (c) => c.noticeEndsAt),
  returnReason: fact<Any>('returnReason', '退回理由', 'Return reason', 'text', (c) => c.returnReason),
  repaymentDueDate: fact<Any>('repaymentDueDate', '还款到期日', 'Repayment due', 'date', (c) => c.repaymentDueDate),
};

export { fact };
