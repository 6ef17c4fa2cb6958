// The figures kept per undertaking location (政策 七.三 evaluation, 七.四 statistics), each an SQL
// aggregate over one row per submitted case. `cond` says which cases contribute: the number of
// distinct enterprises behind a figure decides whether the public page may show it.
import { FIGURE_CATALOGUE, FIGURE_KEYS, type FigureDef, type FigureKey } from '../../../workflows/figures';
import { workflows } from '../../../workflows/index';
import type { Bilingual } from '../../../workflows/types';
import { noticeProgrammes } from '../notices/list-notices';

/** Decisions on the application itself (not acceptance, claims, limits or default), as the programmes declare them. */
const applicationOutcomes = (kind: 'positive' | 'negative') =>
  [...new Set(Object.values(workflows).flatMap((w) => w.decisions.filter((d) => d.application === kind).map((d) => d.outcome)))];
export const POSITIVE_OUTCOMES = applicationOutcomes('positive');
export const NEGATIVE_OUTCOMES = applicationOutcomes('negative');

const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
/** The column of a per-case figure in the `rows` CTE. */
export const figureColumn = (k: FigureKey) => `fig_${k}`;

/** Refusals on environmental grounds cite 政策 一.(二): 两高一资 products (its 二是) or no EIA approval. */
export const ENVIRONMENTAL_GROUND = '一.(二)';
const supported = `ld.outcome IN (${list(POSITIVE_OUTCOMES)})`;

/**
 * Per-case columns, computed once per case in the `rows` CTE. The figures are what the case's
 * programme declared (workflows/figures.ts), stored with the case at every step; figures the
 * catalogue marks `supportedOnly` (jobs promised, investment) count only for supported
 * applications. `pub` marks a grant published in its 公示 and approved: grants to named
 * enterprises are public, so such a case never makes a cell small (政策 七.四; bank and insurer
 * figures keep the small-cell rule).
 */
export const CASE_COLUMNS = `
  ${FIGURE_KEYS.map((k) => ((FIGURE_CATALOGUE[k] as FigureDef).supportedOnly
    ? `CASE WHEN ${supported} THEN COALESCE(json_extract(c.figures, '$.${k}'), 0) END AS ${figureColumn(k)}`
    : `json_extract(c.figures, '$.${k}') AS ${figureColumn(k)}`)).join(',\n  ')},
  CASE WHEN ${supported} THEN 1 WHEN ld.outcome IS NOT NULL THEN 0 END AS positive,
  CASE WHEN ld.outcome IN (${list(NEGATIVE_OUTCOMES)}) AND instr(ld.section, '${ENVIRONMENTAL_GROUND}') > 0 THEN 1 ELSE 0 END AS env_refused,
  CASE WHEN ${supported} AND c.programme_code IN (${list(noticeProgrammes())}) THEN 1 ELSE 0 END AS pub,
  julianday(dec.first_at) - julianday(c.submitted_at) AS days`;

/** The names of the per-case columns, for the CTE over the materialised rows. */
export const FIGURE_COLUMNS = [...FIGURE_KEYS.map(figureColumn), 'positive', 'env_refused', 'pub', 'days'].join(', ');

/** The latest application decision wins (a correction replaces), the first one dates the decision. */
export const DECISION_CTE = `
  dec AS (SELECT case_id, MIN(issued_at) AS first_at, MAX(id) AS last_id FROM decisions
          WHERE outcome IN (${list([...POSITIVE_OUTCOMES, ...NEGATIVE_OUTCOMES])}) GROUP BY case_id)`;

export interface Figure {
  code: FigureCode;
  label: Bilingual;
  kind: 'count' | 'amount' | 'jobs' | 'people';
  /** SQL value summed over contributing rows. */
  value: string;
  /** SQL condition for a case to contribute. */
  cond: string;
  /** 'once': an enterprise counts once per location however many of its cases qualify. */
  perEnterprise?: 'once';
}

export type FigureCode = 'applications' | 'decided' | 'supported' | 'enterprisesSupported' | 'refusedEnvironment' | 'granted' | FigureKey;

const f = (code: FigureCode, zh: string, en: string, kind: Figure['kind'], value: string, cond = `${value} IS NOT NULL`): Figure =>
  ({ code, label: { zh, en }, kind, value, cond });
const declared = (k: FigureKey): Figure => {
  const d: FigureDef = FIGURE_CATALOGUE[k];
  return { code: k, label: d.label, kind: d.kind, value: figureColumn(k), cond: `${figureColumn(k)} IS NOT NULL` };
};

/** Counts of applications and decisions, then every declared figure; 'granted' after 'insured'. */
export const FIGURES: Figure[] = [
  f('applications', '申请数', 'Applications', 'count', '1', '1'),
  declared('requested'),
  f('decided', '已决定', 'Decided', 'count', '1', 'positive IS NOT NULL'),
  f('supported', '获支持', 'Supported', 'count', '1', 'positive = 1'),
  { ...f('enterprisesSupported', '获支持企业', 'Enterprises supported', 'count', '1', 'positive = 1'), perEnterprise: 'once' },
  f('refusedEnvironment', '因环保不予支持（一.(二)）', 'Refused on environmental grounds (一.(二))', 'count', '1', 'env_refused = 1'),
  ...FIGURE_KEYS.filter((k) => k !== 'requested').flatMap((k) => k === 'claimsPaid'
    ? [f('granted', '支持金额合计', 'Support granted (all programmes)', 'amount',
      `COALESCE(${figureColumn('approved')}, ${figureColumn('committed')}, ${figureColumn('insured')})`), declared(k)]
    : [declared(k)]),
];

/**
 * Two-level aggregation, because COUNT(DISTINCT) per figure costs a b-tree per group and figure:
 * first one row per location and enterprise (`perEnterprise`), then per location each figure as
 * value, enterprises behind it, and the lowest and highest enterprise id (`perLocation`). The
 * enterprises counted are those whose contribution is not public (see `pub`): when fewer than 3
 * contribute, those two ids are the whole set (for suppression).
 */
export function perEnterpriseAggregates(figures: Figure[] = FIGURES): string {
  return figures.map((x) => `${x.perEnterprise === 'once' ? 'MAX' : 'SUM'}(CASE WHEN ${x.cond} THEN ${x.value} END) AS "${x.code}", SUM(CASE WHEN ${x.cond} AND pub = 0 THEN 1 ELSE 0 END) AS "${x.code}_c"`).join(',\n');
}
export function perLocationAggregates(figures: Figure[] = FIGURES): string {
  return figures.map((x) => {
    const e = `CASE WHEN "${x.code}_c" > 0 THEN eid END`;
    return `COALESCE(SUM("${x.code}"), 0) AS "${x.code}", COUNT(${e}) AS "${x.code}_n", MIN(${e}) AS "${x.code}_lo", MAX(${e}) AS "${x.code}_hi"`;
  }).join(',\n');
}
