// The two statistics views: the full report for staff (七.三 evaluation) and the public report
// with small cells suppressed (七.四 information sharing).
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { requireRole } from '../policy';
import { applicationsByState, monthlyTrend, type MonthRow, type StateCount } from './breakdowns';
import { beijingToday } from '../../../workflows/display-format';
import { evaluationIndex, INDEX_FIGURES, type IndexRow, type Weights } from './evaluation-index';
import { FIGURES, type FigureCode } from './figures';
import type { StatsFilter } from './filters';
import { loadWeights } from './index-weights';
import { designatedLocations, type DesignatedLocation } from './designated-locations';
import { loadTargets, targetProgress, type Progress, type Targets } from './index-targets';
import { designatedFigures, locationFigures, nationalFigures, type Cell, type LocationFigures } from './location-figures';
import { suppressColumn, type Shown } from './suppression';
import { withCaseRows } from './case-rows';

/** Roles that see the full statistics: the commerce side and those who check it. */
export const STATS_ROLES: CurrentUser['role'][] = ['officer', 'approver', 'auditor', 'admin'];

export interface TargetsReport {
  year: number;
  /** The designated locations of that year: those a target may be set for. */
  locations: DesignatedLocation[];
  /** The targets in force for the year, by location key. */
  targets: Map<string, Targets>;
  /** Each target beside the location's value over that calendar year (all programmes and industries). */
  progress: Progress[];
}

export interface FullReport {
  filter: StatsFilter;
  locations: LocationFigures[];
  total: LocationFigures;
  /** Every designated location, compared by the index. */
  designated: LocationFigures[];
  index: IndexRow[];
  weights: Weights;
  byState: StateCount[];
  months: MonthRow[];
  targets: TargetsReport;
}

/** The calendar year in Beijing, for the targets shown when none is asked for. */
export const currentYear = (deps: Deps) => Number(beijingToday(deps.clock.now()).slice(0, 4));

export function fullReport(deps: Deps, user: CurrentUser | null, filter: StatsFilter, year = currentYear(deps)): FullReport {
  requireRole(user, ...STATS_ROLES);
  const report = withCaseRows(deps.db, filter, () => {
    const locations = locationFigures(deps.db, filter);
    const designated = designatedFigures(deps.db, filter, undefined, INDEX_FIGURES);
    const weights = loadWeights(deps.db);
    return {
      filter, locations, designated, total: nationalFigures(deps.db, filter), weights, index: evaluationIndex(designated, weights),
      byState: applicationsByState(deps.db, filter), months: fillMonths(monthlyTrend(deps.db, filter)),
    };
  });
  return { ...report, targets: targetsReport(deps, year) };
}

/** Targets are yearly: their values are the year's, whatever the page's filter. */
export function targetsReport(deps: Deps, year: number): TargetsReport {
  const targets = loadTargets(deps.db, year);
  const locations = designatedLocations(deps.db, year);
  if (targets.size === 0) return { year, locations, targets, progress: [] };
  const byKey = new Map(designatedFigures(deps.db, { from: `${year}-01`, to: `${year}-12` }, year, INDEX_FIGURES).map((l) => [l.key, l]));
  return { year, locations, targets, progress: targetProgress(targets, (key, i) => { const l = byKey.get(key); return l ? i.raw(l) : null; }) };
}

/** Months without applications are shown as zeros, so that a trend line does not skip them. */
export function fillMonths(rows: MonthRow[]): MonthRow[] {
  if (rows.length < 2) return rows;
  const zero: Cell = { value: 0, n: 0, lo: null, hi: null };
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: MonthRow[] = [];
  let [y, m] = rows[0]!.month.split('-').map(Number) as [number, number];
  const last = rows[rows.length - 1]!.month;
  for (let month = rows[0]!.month; month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(byMonth.get(month) ?? { month, applications: zero, supported: zero, requested: zero, granted: zero });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export type PublicColumn = 'enterprises' | FigureCode;
export interface PublicRow { province: string; cells: Record<PublicColumn, Shown>; approvalRate: number | null; medianDays: number | null }
export interface PublicReport {
  filter: StatsFilter;
  rows: PublicRow[];
  total: PublicRow;
  byState: { programme: string; state: string; count: Shown }[];
  byStateTotal: Shown;
  months: { month: string; applications: Shown; supported: Shown; requested: Shown; granted: Shown }[];
  monthTotals: Record<'applications' | 'supported' | 'requested' | 'granted', Shown>;
}

const COLUMNS: PublicColumn[] = ['enterprises', ...FIGURES.map((x) => x.code)];
const cellOf = (l: LocationFigures, c: PublicColumn): Cell => (c === 'enterprises' ? l.enterprises : l.figures[c]);

/** Province level only: cities would leave most cells with fewer than 3 enterprises. */
export function publicReport(deps: Deps, filter: StatsFilter): PublicReport {
  const f: StatsFilter = { ...filter, level: 'province' };
  return withCaseRows(deps.db, f, () => publicFrom(deps, f));
}

function publicFrom(deps: Deps, f: StatsFilter): PublicReport {
  const locations = locationFigures(deps.db, f);
  const national = nationalFigures(deps.db, f);
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, suppressColumn(locations.map((l) => cellOf(l, c)), cellOf(national, c))]));
  const row = (i: number | 'total', l: LocationFigures): PublicRow => {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, i === 'total' ? columns[c]!.total : columns[c]!.cells[i]!])) as Record<PublicColumn, Shown>;
    // A rate or a median is shown only when the counts it is made of are shown: otherwise
    // decided = supported ÷ rate would undo the suppression.
    const open = cells.decided.hidden === null && cells.supported.hidden === null;
    return { province: l.province, cells, approvalRate: open ? l.approvalRate : null, medianDays: open ? l.medianDays : null };
  };
  const byState = applicationsByState(deps.db, f, false);
  const stateColumn = suppressColumn(byState.map((s) => s.count), national.figures.applications);
  const months = fillMonths(monthlyTrend(deps.db, f));
  const monthKeys = ['applications', 'supported', 'requested', 'granted'] as const;
  const monthTotal: Record<(typeof monthKeys)[number], Cell> = {
    applications: national.figures.applications, supported: national.figures.supported, requested: national.figures.requested,
    granted: national.figures.granted,
  };
  const monthColumns = Object.fromEntries(monthKeys.map((k) => [k, suppressColumn(months.map((m) => m[k]), monthTotal[k])]));
  return {
    filter: f,
    rows: locations.map((l, i) => row(i, l)),
    total: row('total', national),
    byState: byState.map((s, i) => ({ programme: s.programme, state: s.state, count: stateColumn.cells[i]! })),
    byStateTotal: stateColumn.total,
    months: months.map((m, i) => ({ month: m.month, ...Object.fromEntries(monthKeys.map((k) => [k, monthColumns[k]!.cells[i]!])) }) as PublicReport['months'][number]),
    monthTotals: Object.fromEntries(monthKeys.map((k) => [k, monthColumns[k]!.total])) as PublicReport['monthTotals'],
  };
}
