// What Sinosure's credit insurance (政策 六.二) lets the rest of the system read of a case.
import type { WorkflowDef } from './define-workflow';
import { figure } from './figures';
import { FACTS } from './programme-facts';
import type { CaseContext } from './application-events';

/** A policy's context, of version 2 (sinosure-events.ts) or of version 1. */
type Policy = CaseContext & Record<string, any>;

export const sinosureContract = {
  facts: [FACTS.requested, FACTS.returnReason],
  staffOnly: ['preparedBy'],
  // The insured limit counts once a policy is issued.
  figures: (c) => ({
    requested: figure.n(c.requestedAmount), insured: c.policyNo != null ? figure.n(c.terms?.maxLiability) : null,
    claimsPaid: figure.n(c.indemnityPaid), recovered: figure.positive(c.recovered), premium: figure.positive(c.premiumTotal),
    limits: Array.isArray(c.limits) ? figure.positive(c.limits.reduce((t, l) => t + (l.status === 'approved' ? Number(l.approved ?? 0) : 0), 0)) : null,
    jobsConfirmed: figure.n((c as { jobsConfirmed?: unknown }).jobsConfirmed),
    jobsPromised: figure.n(c.form.jobsPromised),
  }),
  decisions: [
    { outcome: 'policy-issued', application: 'positive' }, { outcome: 'policy-declined', application: 'negative' },
    { outcome: 'credit-limit-approved' }, { outcome: 'credit-limit-refused' }, { outcome: 'claim-paid' }, { outcome: 'claim-refused' },
  ],
} satisfies Partial<WorkflowDef<Policy>>;
