// Applications by programme and state, and the monthly trend (政策 七.四: 承接动态).
import type { Db } from '../../db/client';
import { rowsCte, withCaseRows } from './case-rows';
import { FIGURES, type FigureCode } from './figures';
import type { Cell } from './location-figures';
import type { StatsFilter } from './filters';

export interface StateCount { province: string; city: string | null; programme: string; state: string; count: Cell }

/** The enterprises a cell protects: those whose part is not a grant published in its 公示 (figures.ts). */
const CONFIDENTIAL = 'CASE WHEN pub = 0 THEN eid END';

const enterpriseCell = (r: { count: number; n: number; lo: number | null; hi: number | null }): Cell =>
  ({ value: r.count, n: r.n, lo: r.lo, hi: r.hi });

/** `byLocation` false: one national row per programme and state (the public page's partition). */
export function applicationsByState(db: Db, f: StatsFilter, byLocation = true): StateCount[] {
  const loc = byLocation ? 'province, city' : `'' AS province, NULL AS city`;
  const group = byLocation ? 'province, city, prog, state' : 'prog, state';
  const rows = withCaseRows(db, f, () => db.$client.prepare(`WITH ${rowsCte(f.level ?? 'province')}
    SELECT ${loc}, prog AS programme, state, COUNT(*) AS count, COUNT(DISTINCT ${CONFIDENTIAL}) AS n, MIN(${CONFIDENTIAL}) AS lo, MAX(${CONFIDENTIAL}) AS hi
    FROM rows GROUP BY ${group} ORDER BY ${group}`).all()) as (Omit<StateCount, 'count'> & { count: number; n: number; lo: number; hi: number })[];
  return rows.map((r) => ({ province: r.province, city: r.city, programme: r.programme, state: r.state, count: enterpriseCell(r) }));
}

export interface MonthRow { month: string; applications: Cell; supported: Cell; requested: Cell; granted: Cell }

/** Per month of submission: applications, how many were supported, amounts requested and granted
 *  (approved grants + committed credit + insured limits). */
export function monthlyTrend(db: Db, f: StatsFilter): MonthRow[] {
  const fig = (code: FigureCode) => FIGURES.find((x) => x.code === code)!;
  const requested = fig('requested');
  const granted = fig('granted');
  const agg = (name: string, value: string, cond: string) => {
    const e = `CASE WHEN ${cond} AND pub = 0 THEN eid END`;
    return `COALESCE(SUM(CASE WHEN ${cond} THEN ${value} END), 0) AS ${name}, COUNT(DISTINCT ${e}) AS ${name}_n, MIN(${e}) AS ${name}_lo, MAX(${e}) AS ${name}_hi`;
  };
  const rows = withCaseRows(db, f, () => db.$client.prepare(`WITH ${rowsCte('province')}
    SELECT month, ${agg('applications', '1', '1')}, ${agg('supported', '1', 'positive = 1')},
      ${agg('requested', requested.value, requested.cond)}, ${agg('granted', granted.value, granted.cond)}
    FROM rows GROUP BY month ORDER BY month`).all()) as Record<string, number | string | null>[];
  const cell = (r: Record<string, number | string | null>, k: string): Cell =>
    ({ value: Number(r[k] ?? 0), n: Number(r[`${k}_n`]), lo: r[`${k}_lo`] as number | null, hi: r[`${k}_hi`] as number | null });
  return rows.map((r) => ({
    month: String(r.month), applications: cell(r, 'applications'), supported: cell(r, 'supported'),
    requested: cell(r, 'requested'), granted: cell(r, 'granted'),
  }));
}
