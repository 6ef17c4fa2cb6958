// The figures kept per undertaking location (政策 七.三 evaluation, 七.四 statistics), each an SQL
// aggregate over one row per submitted case. `cond` says which cases contribute: the number of
// distinct enterprises behind a figure decides whether the public page may show it.
import { workflows } from '../../../workflows/index';
import type { Bilingual } from '../../../workflows/types';

export const GRANTS = ['special-fund', 'trade-platform-grant'];
export const LENDING = ['cdb-infra-loan', 'exim-order-finance'];
export const INSURANCE = ['sinosure-credit-insurance'];

/** Decisions on the application itself (not acceptance, claims, limits or default), as the programmes declare them. */
const applicationOutcomes = (kind: 'positive' | 'negative') =>
  [...new Set(Object.values(workflows).flatMap((w) => w.decisions.filter((d) => d.application === kind).map((d) => d.outcome)))];
export const POSITIVE_OUTCOMES = applicationOutcomes('positive');
export const NEGATIVE_OUTCOMES = applicationOutcomes('negative');

const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
const ctx = (path: string) => `json_extract(c.snapshot, '$.context.${path}')`;

/**
 * Per-case columns, computed once per case in the `rows` CTE. Amounts are read from the
 * workflow context, which is what the machines keep (see workflows/*-events.ts, lending.ts).
 */
export const CASE_COLUMNS = `
  ${ctx('requestedAmount')} AS requested,
  CASE WHEN c.programme_code IN (${list(GRANTS)}) THEN ${ctx('approvedAmount')} END AS approved,
  CASE WHEN c.programme_code IN (${list(GRANTS)}) THEN NULLIF(${ctx('disbursed')}, 0) END AS disbursed,
  CASE WHEN c.programme_code IN (${list(LENDING)}) THEN ${ctx('committedAmount')} END AS committed,
  CASE WHEN c.programme_code IN (${list(LENDING)}) THEN NULLIF(${ctx('drawn')}, 0) END AS drawn,
  CASE WHEN c.programme_code IN (${list(INSURANCE)}) AND ${ctx('policyNo')} IS NOT NULL THEN ${ctx('terms.maxLiability')} END AS insured,
  CASE WHEN c.programme_code IN (${list(INSURANCE)}) THEN ${ctx('indemnityPaid')} END AS claims_paid,
  ${ctx('jobsConfirmed')} AS jobs_confirmed,
  CASE WHEN ld.outcome IN (${list(POSITIVE_OUTCOMES)}) THEN 1 WHEN ld.outcome IS NOT NULL THEN 0 END AS positive,
  CASE WHEN ld.outcome IN (${list(POSITIVE_OUTCOMES)}) THEN COALESCE(${ctx('form.jobsPromised')}, 0) END AS jobs_promised,
  julianday(dec.first_at) - julianday(c.submitted_at) AS days`;

/** The latest application decision wins (a correction replaces), the first one dates the decision. */
export const DECISION_CTE = `
  dec AS (SELECT case_id, MIN(issued_at) AS first_at, MAX(id) AS last_id FROM decisions
          WHERE outcome IN (${list([...POSITIVE_OUTCOMES, ...NEGATIVE_OUTCOMES])}) GROUP BY case_id)`;

export interface Figure {
  code: FigureCode;
  label: Bilingual;
  kind: 'count' | 'amount' | 'jobs';
  /** SQL value summed over contributing rows. */
  value: string;
  /** SQL condition for a case to contribute. */
  cond: string;
}

export type FigureCode =
  | 'applications' | 'requested' | 'decided' | 'supported' | 'approved' | 'disbursed' | 'committed' | 'drawn'
  | 'insured' | 'granted' | 'claimsPaid' | 'jobsPromised' | 'jobsConfirmed';

const f = (code: FigureCode, zh: string, en: string, kind: Figure['kind'], value: string, cond = `${value} IS NOT NULL`): Figure =>
  ({ code, label: { zh, en }, kind, value, cond });

export const FIGURES: Figure[] = [
  f('applications', '申请数', 'Applications', 'count', '1', '1'),
  f('requested', '申请金额', 'Amount requested', 'amount', 'requested'),
  f('decided', '已决定', 'Decided', 'count', '1', 'positive IS NOT NULL'),
  f('supported', '获支持', 'Supported', 'count', '1', 'positive = 1'),
  f('approved', '批准金额（资金）', 'Approved (grants)', 'amount', 'approved'),
  f('disbursed', '已拨付（资金）', 'Disbursed (grants)', 'amount', 'disbursed'),
  f('committed', '承诺金额（贷款/融资）', 'Committed (loans, financing)', 'amount', 'committed'),
  f('drawn', '已提款（贷款/融资）', 'Drawn (loans, financing)', 'amount', 'drawn'),
  f('insured', '承保限额（信保）', 'Insured (credit insurance)', 'amount', 'insured'),
  f('granted', '支持金额合计', 'Support granted (all programmes)', 'amount', 'COALESCE(approved, committed, insured)'),
  f('claimsPaid', '已赔付（信保）', 'Claims paid (credit insurance)', 'amount', 'claims_paid'),
  f('jobsPromised', '承诺就业（获支持项目）', 'Jobs promised (supported projects)', 'jobs', 'jobs_promised'),
  f('jobsConfirmed', '验收核实就业', 'Jobs confirmed at acceptance', 'jobs', 'jobs_confirmed'),
];

/**
 * Two-level aggregation, because COUNT(DISTINCT) per figure costs a b-tree per group and figure:
 * first one row per location and enterprise (`perEnterprise`), then per location each figure as
 * value, enterprises behind it, and the lowest and highest enterprise id (`perLocation`). When
 * fewer than 3 enterprises contribute, those two ids are the whole set (for suppression).
 */
export function perEnterpriseAggregates(): string {
  return FIGURES.map((x) => `SUM(CASE WHEN ${x.cond} THEN ${x.value} END) AS "${x.code}", SUM(CASE WHEN ${x.cond} THEN 1 ELSE 0 END) AS "${x.code}_c"`).join(',\n');
}

export function perLocationAggregates(): string {
  return FIGURES.map((x) => {
    const e = `CASE WHEN "${x.code}_c" > 0 THEN eid END`;
    return `COALESCE(SUM("${x.code}"), 0) AS "${x.code}", COUNT(${e}) AS "${x.code}_n", MIN(${e}) AS "${x.code}_lo", MAX(${e}) AS "${x.code}_hi"`;
  }).join(',\n');
}
