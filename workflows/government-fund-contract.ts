// What the commerce-department grants (政策 六.一, 六.四) let the rest of the system read of a
// case: facts for the pages, what applicants never see, the expert panel, the decisions.
import type { WorkflowDef } from './define-workflow';
import type { GovFundContext } from './government-fund-events';
import { figure } from './figures';
import { performanceLine, performanceRows, type PerformanceRow } from './grant-performance';
import { FACTS, fact } from './programme-facts';

type C = GovFundContext;

/** 政策 五: one measure of the acceptance, promised against verified, in words (no field keys). */
const performance = (key: PerformanceRow['key'], zh: string, en: string) => fact<C>(`performance-${key}`, zh, en, 'text', (c) => {
  const row = performanceRows(c).find((r) => r.key === key);
  return row ? performanceLine(row) : null;
});

export const govFundContract = {
  facts: [
    FACTS.requested, FACTS.approved, FACTS.disbursed,
    fact<C>('paymentPrepared', '待复核拨付', 'Payment awaiting release', 'yuan', (c) => c.paymentPrepared?.amount),
    performance('jobs', '新增就业：承诺与核实', 'New jobs: promised and verified'),
    performance('trainees', '培训人数：承诺与核实', 'Trainees: promised and verified'),
    performance('investment', '项目投资：承诺与核实', 'Investment: promised and verified'),
    fact<C>('clawbackDemanded', '决定追回', 'Clawback decided', 'yuan', (c) => c.clawback?.amount),
    fact<C>('clawbackDueAt', '退回期限', 'Repay by', 'date', (c) => c.clawback?.dueAt),
    fact<C>('repaid', '已退回', 'Repaid', 'yuan', (c) => c.repaid),
    fact<C>('clawbackWrittenOff', '已核销', 'Written off', 'yuan', (c) => c.writtenOff),
    FACTS.conditions, FACTS.noticeEndsAt, FACTS.returnReason,
  ],
  // Applicants never learn who prepared the decision nor who reviewed it (DOMAIN: independent review).
  staffOnly: ['preparedBy', 'panel', 'scores'],
  panel: { members: (c) => c.panel, scores: (c) => c.scores, membersPath: 'panel', scoresPath: 'scores' },
  figures: (c) => ({
    requested: figure.n(c.requestedAmount), approved: figure.n(c.approvedAmount), disbursed: figure.positive(c.disbursed),
    jobsConfirmed: figure.n(c.jobsConfirmed), jobsPromised: figure.n(c.form.jobsPromised),
    investment: figure.n((c.form as { totalInvestment?: unknown }).totalInvestment),
    clawbackDemanded: figure.positive(c.clawback?.amount), clawedBack: figure.positive(c.repaid), clawbackWrittenOff: figure.positive(c.writtenOff),
  }),
  decisions: [
    { outcome: 'approved', application: 'positive' }, { outcome: 'refused', application: 'negative' },
    { outcome: 'acceptance-passed' }, { outcome: 'acceptance-failed' }, { outcome: 'clawback-ordered' }, { outcome: 'clawback-written-off' },
  ],
} satisfies Partial<WorkflowDef<C>>;
