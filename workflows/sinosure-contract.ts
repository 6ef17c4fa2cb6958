// What Sinosure's credit insurance (政策 六.二) lets the rest of the system read of a case.
import type { WorkflowDef } from './define-workflow';
import { figure } from './figures';
import { FACTS } from './programme-facts';
import type { CaseContext } from './application-events';

/** A policy's context: version 3 (sinosure-book.ts), or of versions 1 and 2 (./v1, ./v2). */
type Policy = CaseContext & Record<string, any>;
type Buyer = { status: string; limit: number; exposure: number };

/** Version 3: limits, exposure and premium from the buyers and the premium book. */
const bookFigures = (c: Policy) => ({
  limits: figure.positive((c.buyers as Buyer[]).reduce((t, b) => t + (b.status === 'approved' ? b.limit : 0), 0)),
  exposure: figure.positive((c.buyers as Buyer[]).reduce((t, b) => t + b.exposure, 0)),
  premium: figure.positive(c.premiumDeclared), premiumPaid: figure.positive(c.premiumPaid),
});
/** Versions 1 and 2. */
const earlierFigures = (c: Policy) => ({
  premium: figure.positive(c.premiumTotal),
  limits: Array.isArray(c.limits) ? figure.positive(c.limits.reduce((t: number, l: any) => t + (l.status === 'approved' ? Number(l.approved ?? 0) : 0), 0)) : null,
});

export const sinosureContract = {
  facts: [FACTS.requested, FACTS.returnReason],
  staffOnly: ['preparedBy'],
  // The insured limit counts once a policy is issued.
  figures: (c) => ({
    requested: figure.n(c.requestedAmount), insured: c.policyNo != null ? figure.n(c.terms?.maxLiability) : null,
    claimsPaid: figure.n(c.indemnityPaid), recovered: figure.positive(c.recovered),
    ...(Array.isArray(c.buyers) ? bookFigures(c) : earlierFigures(c)),
    jobsConfirmed: figure.n((c as { jobsConfirmed?: unknown }).jobsConfirmed),
    jobsPromised: figure.n(c.form.jobsPromised),
  }),
  decisions: [
    { outcome: 'policy-issued', application: 'positive' }, { outcome: 'policy-declined', application: 'negative' },
    { outcome: 'credit-limit-approved' }, { outcome: 'credit-limit-refused' }, { outcome: 'credit-limit-changed' }, { outcome: 'credit-limit-cancelled' },
    { outcome: 'claim-paid' }, { outcome: 'claim-refused' }, { outcome: 'policy-renewed' }, { outcome: 'policy-closed' },
  ],
} satisfies Partial<WorkflowDef<Policy>>;
