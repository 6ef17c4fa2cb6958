// What the two policy banks' programmes (政策 六.二) let the rest of the system read of a case.
import type { WorkflowDef } from './define-workflow';
import { figure } from './figures';
import type { CaseContext } from './application-events';
import { fact, FACTS } from './programme-facts';

/** A loan's context, of version 2 (loan-servicing.ts LoanBook) or of version 1, which lacks the servicing fields. */
type Loan = CaseContext & Record<string, any>;
const owed = (c: Loan) => (c.drawn === undefined ? null : c.drawn - (c.repaid ?? 0));
const positive = (n: unknown) => (typeof n === 'number' && n > 0 ? n : null);

const PREPARED: Record<string, string> = {
  cancellation: '取消未提款额度 / Cancellation of the undrawn commitment', default: '违约认定 / Notice of default',
  restructuring: '重组 / Restructuring', recovery: '追偿 / Recovery', 'write-off': '核销 / Write-off', extension: '展期 / Extension',
};

/** The servicing figures of a loan; nulls are left out of the pages (a v1 case lacks most of them). */
const SERVICING = {
  outstanding: fact<Loan>('outstanding', '未还本金', 'Principal outstanding', 'yuan', owed),
  interestPaid: fact<Loan>('interestPaid', '已付利息', 'Interest paid', 'yuan', (c) => positive(c.interestPaid)),
  interestRate: fact<Loan>('interestRate', '年利率', 'Yearly interest rate', 'text', (c) => (c.interestRate ? `${(c.interestRate * 100).toFixed(2)}%` : null)),
  cancelled: fact<Loan>('cancelled', '已取消/失效额度', 'Commitment cancelled or lapsed', 'yuan', (c) => positive(c.cancelled)),
  recovered: fact<Loan>('recovered', '已追回', 'Recovered', 'yuan', (c) => positive(c.recovered)),
  writtenOff: fact<Loan>('writtenOff', '已核销', 'Written off', 'yuan', (c) => positive(c.writtenOff)),
  pending: fact<Loan>('pending', '待签发的决定', 'Decision awaiting signature', 'text', (c) => (c.pending ? PREPARED[c.pending.kind] ?? null : null)),
};
const loanFacts = [FACTS.requested, FACTS.committed, FACTS.drawn, FACTS.repaid, SERVICING.outstanding, SERVICING.interestRate, SERVICING.interestPaid,
  SERVICING.cancelled, SERVICING.recovered, SERVICING.writtenOff, SERVICING.pending, FACTS.conditions, FACTS.returnReason];
/** Principal still owed, once repayments are recorded at all. */
const principalOwed = (c: Loan) => (typeof c.repaid === 'number' && typeof c.drawn === 'number' ? figure.positive(c.drawn - c.repaid) : null);
const loanFigures = (c: Loan) => ({
  requested: figure.n(c.requestedAmount), committed: figure.n(c.committedAmount), drawn: figure.positive(c.drawn),
  outstanding: principalOwed(c), defaulted: c.defaultDeclared ? principalOwed(c) : null,
  writtenOff: figure.positive(c.writtenOff), recovered: figure.positive(c.recovered),
  jobsConfirmed: figure.n(c.jobsConfirmed), jobsPromised: figure.n(c.form.jobsPromised),
  investment: figure.n(c.form.totalInvestment),
});
const trouble = [{ outcome: 'default-declared' }, { outcome: 'recovery-started' }, { outcome: 'loan-written-off' }];

export const cdbContract = {
  facts: [
    fact<Loan>('proposal', '尽职调查建议金额', 'Proposed by due diligence', 'yuan', (c) => c.proposal?.amount ?? null),
    fact<Loan>('approvedAmount', '贷审会批准金额', 'Approved by the credit committee', 'yuan', (c) => c.approvedAmount ?? null),
    ...loanFacts,
    fact<Loan>('availableUntil', '提款期截止', 'Availability period ends', 'date', (c) => c.availableUntil ?? null),
    fact<Loan>('conditionsMet', '先决条件落实', 'Conditions precedent met', 'date', (c) => c.conditionsMet?.at ?? null),
  ],
  figures: loanFigures,
  staffOnly: ['preparedBy', 'pending'],
  decisions: [
    { outcome: 'loan-committed', application: 'positive' }, { outcome: 'not-recommended', application: 'negative' },
    { outcome: 'loan-declined', application: 'negative' }, ...trouble,
    { outcome: 'commitment-cancelled' }, { outcome: 'loan-restructured' },
  ],
} satisfies Partial<WorkflowDef<Loan>>;

export const eximContract = {
  facts: [
    fact<Loan>('verifiedOrderValue', '核实合同金额', 'Verified contract value', 'yuan', (c) => c.verifiedOrderValue ?? null),
    ...loanFacts, FACTS.repaymentDueDate,
    fact<Loan>('extended', '展期', 'Extended', 'text', (c) => (c.extensions?.length ? `${c.extensions[0].from} → ${c.extensions[0].to}` : null)),
  ],
  figures: loanFigures,
  staffOnly: ['preparedBy', 'pending'],
  decisions: [
    { outcome: 'financing-approved', application: 'positive' }, { outcome: 'financing-declined', application: 'negative' },
    ...trouble, { outcome: 'financing-extended' },
  ],
} satisfies Partial<WorkflowDef<Loan>>;
