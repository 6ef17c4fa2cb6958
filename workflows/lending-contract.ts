// What the two policy banks' programmes (政策 六.二) let the rest of the system read of a case.
import type { WorkflowDef } from './define-workflow';
import type { LoanContext } from './lending';
import { FACTS } from './programme-facts';

const loanFacts = [FACTS.requested, FACTS.committed, FACTS.drawn, FACTS.repaid, FACTS.conditions, FACTS.returnReason];

export const cdbContract = {
  facts: loanFacts,
  staffOnly: ['preparedBy'],
  decisions: [
    { outcome: 'loan-committed', application: 'positive' }, { outcome: 'not-recommended', application: 'negative' },
    { outcome: 'loan-declined', application: 'negative' }, { outcome: 'default-declared' },
    { outcome: 'commitment-cancelled' }, { outcome: 'loan-restructured' }, { outcome: 'recovery-started' }, { outcome: 'loan-written-off' },
  ],
} satisfies Partial<WorkflowDef<LoanContext>>;

export const eximContract = {
  facts: [...loanFacts, FACTS.repaymentDueDate],
  staffOnly: ['preparedBy'],
  decisions: [
    { outcome: 'financing-approved', application: 'positive' }, { outcome: 'financing-declined', application: 'negative' },
    { outcome: 'default-declared' },
  ],
} satisfies Partial<WorkflowDef<LoanContext>>;
