// What the commerce-department grants (政策 六.一, 六.四) let the rest of the system read of a
// case: facts for the pages, what applicants never see, the expert panel, the decisions.
import type { WorkflowDef } from './define-workflow';
import type { GovFundContext } from './government-fund-events';
import { figure } from './figures';
import { FACTS } from './programme-facts';

type C = GovFundContext;

export const govFundContract = {
  facts: [FACTS.requested, FACTS.approved, FACTS.disbursed, FACTS.conditions, FACTS.noticeEndsAt, FACTS.returnReason],
  // Applicants never learn who prepared the decision nor who reviewed it (DOMAIN: independent review).
  staffOnly: ['preparedBy', 'panel', 'scores'],
  panel: { members: (c) => c.panel, scores: (c) => c.scores, membersPath: 'panel', scoresPath: 'scores' },
  figures: (c) => ({
    requested: figure.n(c.requestedAmount), approved: figure.n(c.approvedAmount), disbursed: figure.positive(c.disbursed),
    jobsConfirmed: figure.n(c.jobsConfirmed), jobsPromised: figure.n(c.form.jobsPromised),
    investment: figure.n((c.form as { totalInvestment?: unknown }).totalInvestment),
  }),
  decisions: [
    { outcome: 'approved', application: 'positive' }, { outcome: 'refused', application: 'negative' },
    { outcome: 'acceptance-passed' }, { outcome: 'acceptance-failed' },
  ],
} satisfies Partial<WorkflowDef<C>>;
