// What the two policy banks' programmes (政策 六.二) let the rest of the system read of a case.
import type { WorkflowDef } from './define-workflow';
import type { LoanContext } from './lending';
import { figure } from './figures';
import { FACTS } from './programme-facts';

type Loan = Pick<LoanContext, 'requestedAmount' | 'committedAmount' | 'drawn' | 'form'> & { jobsConfirmed?: unknown };
const loanFigures = (c: Loan) => ({
  requested: figure.n(c.requestedAmount), committed: figure.n(c.committedAmount), drawn: figure.positive(c.drawn),
  jobsConfirmed: figure.n(c.jobsConfirmed), jobsPromised: figure.n(c.form.jobsPromised),
});

const loanFacts = [FACTS.requested, FACTS.committed, FACTS.drawn, FACTS.repaid, FACTS.conditions, FACTS.returnReason];

export const cdbContract = {
  facts: loanFacts,
  figures: loanFigures,
  staffOnly: ['preparedBy'],
  decisions: [
    { outcome: 'loan-committed', application: 'positive' }, { outcome: 'not-recommended', application: 'negative' },
    { outcome: 'loan-declined', application: 'negative' }, { outcome: 'default-declared' },
    { outcome: 'commitment-cancelled' }, { outcome: 'loan-restructured' }, { outcome: 'recovery-started' }, { outcome: 'loan-written-off' },
  ],
} satisfies Partial<WorkflowDef<LoanContext>>;

export const eximContract = {
  facts: [...loanFacts, FACTS.repaymentDueDate],
  figures: loanFigures,
  staffOnly: ['preparedBy'],
  decisions: [
    { outcome: 'financing-approved', application: 'positive' }, { outcome: 'financing-declined', application: 'negative' },
    { outcome: 'default-declared' },
  ],
} satisfies Partial<WorkflowDef<LoanContext>>;
