// Every statistics table as header and rows: the page renders these and the CSV export writes
// the very same cells, so that a download never differs from what is on screen.
import { workflowFor } from '../../../workflows/index';
import type { Bilingual } from '../../../workflows/types';
import { findProvince } from '../reference/provinces';
import type { CsvTable, CsvValue } from './csv';
import { DIRECTION_LABEL, INDICATORS, type Indicator } from './evaluation-index';
import { FIGURES, type FigureCode } from './figures';
import type { LocationFigures } from './location-figures';
import type { FullReport, PublicReport } from './stats-report';
import type { Shown } from './suppression';

type Locale = 'zh' | 'en';
const L = (locale: Locale, b: Bilingual) => b[locale];
const bi = (zh: string, en: string): Bilingual => ({ zh, en });

export const HIDDEN_LABEL: Record<'small' | 'complement', Bilingual> = {
  small: bi('不足3家', '<3'),
  complement: bi('不予公布', 'withheld'),
};

export function provinceName(locale: Locale, name: string): string {
  if (name === '') return locale === 'zh' ? '合计' : 'Total';
  return locale === 'zh' ? name : findProvince(name)?.nameEn ?? name;
}

export function locationName(locale: Locale, l: { province: string; city: string | null }): string {
  const p = provinceName(locale, l.province);
  if (l.city === null) return p;
  return `${p} · ${l.city || (locale === 'zh' ? '城市未详' : 'city not known')}`;
}

export const programmeName = (locale: Locale, code: string) => { const w = workflowFor(code); return w ? L(locale, w.name) : code; };
export const stateName = (locale: Locale, code: string, state: string) => { const s = workflowFor(code)?.stateLabels[state]; return s ? L(locale, s) : state; };

const rate = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const shown = (locale: Locale, s: Shown): CsvValue => (s.hidden ? L(locale, HIDDEN_LABEL[s.hidden]) : s.value);

const figureHeader = (locale: Locale) => [
  L(locale, bi('注册企业', 'Enterprises registered')), ...FIGURES.map((x) => L(locale, x.label)),
  L(locale, bi('支持率（%）', 'Approval rate (%)')), L(locale, bi('决定天数中位数', 'Median days to decision')),
];

export function locationTable(locale: Locale, r: FullReport): CsvTable {
  const line = (l: LocationFigures): CsvValue[] => [
    locationName(locale, l), l.enterprises.value, ...FIGURES.map((x) => l.figures[x.code].value), rate(l.approvalRate), l.medianDays,
  ];
  return {
    name: 'locations', header: [L(locale, bi('地区', 'Location')), ...figureHeader(locale)],
    rows: [...r.locations.map(line), line(r.total)],
  };
}

/** An indicator's value as shown: whole yuan and people, one decimal for days and percentages. */
export const indicatorValue = (i: Indicator, v: number | null): number | null =>
  (v === null ? null : i.unit === 'percent' || i.unit === 'days' ? Math.round(v * 10) / 10 : Math.round(v));
const UNIT: Record<Indicator['unit'], Bilingual> = {
  count: bi('家', 'enterprises'), amount: bi('元', 'yuan'), people: bi('人', 'people'), percent: bi('%', '%'), days: bi('天', 'days'),
};
export const indicatorHeader = (locale: Locale, i: Indicator) => `${L(locale, i.label)}（${L(locale, UNIT[i.unit])}，${L(locale, DIRECTION_LABEL[i.direction])}）`;

/** The index over every designated location; the CSV adds each location's key and the normalised values. */
export function indexTable(locale: Locale, r: FullReport): CsvTable {
  const byKey = new Map(r.designated.map((l) => [l.key, l]));
  return {
    name: 'index',
    header: [L(locale, bi('排名', 'Rank')), L(locale, bi('地区', 'Location')), L(locale, bi('评价指数', 'Index')),
      ...INDICATORS.map((i) => indicatorHeader(locale, i)),
      L(locale, bi('地区代码', 'Location key')), ...INDICATORS.map((i) => `${L(locale, i.label)} (0–1)`)],
    rows: r.index.map((x) => [x.rank, locationName(locale, byKey.get(x.key)!), x.score, ...INDICATORS.map((i) => indicatorValue(i, x.raw[i.code])),
      x.key, ...INDICATORS.map((i) => Math.round(x.normalised[i.code] * 10000) / 10000)]),
    csvOnly: 3 + INDICATORS.length,
  };
}

/** Each target of the year beside the year's value; the CSV adds the location's key and the indicator's code. */
export function targetTable(locale: Locale, r: FullReport): CsvTable {
  const byKey = new Map(r.targets.locations.map((l) => [l.key, l]));
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return {
    name: 'targets',
    header: [L(locale, bi('地区', 'Location')), L(locale, bi('年份', 'Year')), L(locale, bi('指标', 'Indicator')), L(locale, bi('方向', 'Direction')),
      L(locale, bi('目标', 'Target')), L(locale, bi('本年实际', 'This year')), L(locale, bi('完成程度（%）', 'Progress (%)')), L(locale, bi('是否达成', 'Met')),
      L(locale, bi('地区代码', 'Location key')), L(locale, bi('指标代码', 'Indicator code'))],
    rows: r.targets.progress.map((p) => {
      const i = INDICATORS.find((x) => x.code === p.indicator)!;
      const l = byKey.get(p.location);
      return [l ? locationName(locale, l) : p.location, r.targets.year, L(locale, i.label), L(locale, DIRECTION_LABEL[i.direction]),
        indicatorValue(i, p.target), indicatorValue(i, p.actual), pct(p.ratio), L(locale, p.met ? bi('已达成', 'met') : bi('未达成', 'not met')), p.location, p.indicator];
    }),
    csvOnly: 8,
  };
}

/** Every figure down the page, one row each, for all locations together: readable on a phone, and
 *  where a figure newly declared by a programme (lending, insurance, clawbacks…) shows at once. */
const totalsOf = (locale: Locale, value: (code: FigureCode) => CsvValue): CsvTable => ({
  name: 'totals', header: [L(locale, bi('数字', 'Figure')), L(locale, bi('合计', 'Total')), L(locale, bi('数字代码', 'Figure code'))],
  rows: FIGURES.map((x) => [L(locale, x.label), value(x.code), x.code]), csvOnly: 2,
});
export const totalsTable = (locale: Locale, r: FullReport) => totalsOf(locale, (c) => r.total.figures[c].value);
export const publicTotalsTable = (locale: Locale, r: PublicReport) => totalsOf(locale, (c) => shown(locale, r.total.cells[c]));

export function stateTable(locale: Locale, r: FullReport): CsvTable {
  return {
    name: 'states',
    header: [L(locale, bi('地区', 'Location')), L(locale, bi('项目', 'Programme')), L(locale, bi('状态', 'State')), L(locale, bi('申请数', 'Applications')),
      L(locale, bi('项目代码', 'Programme code')), L(locale, bi('状态代码', 'State code'))],
    rows: r.byState.map((s) => [locationName(locale, s), programmeName(locale, s.programme), stateName(locale, s.programme, s.state), s.count.value, s.programme, s.state]),
    csvOnly: 4,
  };
}

const monthHeader = (locale: Locale) => [L(locale, bi('月份', 'Month')), L(locale, bi('申请数', 'Applications')),
  L(locale, bi('获支持', 'Supported')), L(locale, bi('申请金额', 'Amount requested')), L(locale, bi('支持金额', 'Amount granted'))];

export function monthTable(locale: Locale, r: FullReport): CsvTable {
  return { name: 'months', header: monthHeader(locale),
    rows: r.months.map((m) => [m.month, m.applications.value, m.supported.value, m.requested.value, m.granted.value]) };
}

export function publicLocationTable(locale: Locale, r: PublicReport): CsvTable {
  const line = (p: PublicReport['rows'][number]): CsvValue[] => [provinceName(locale, p.province), shown(locale, p.cells.enterprises),
    ...FIGURES.map((x) => shown(locale, p.cells[x.code])), rate(p.approvalRate), p.medianDays];
  return { name: 'locations', header: [L(locale, bi('省份', 'Province')), ...figureHeader(locale)], rows: [...r.rows.map(line), line(r.total)] };
}

export function publicStateTable(locale: Locale, r: PublicReport): CsvTable {
  return {
    name: 'states', header: [L(locale, bi('项目', 'Programme')), L(locale, bi('状态', 'State')), L(locale, bi('申请数', 'Applications')),
      L(locale, bi('项目代码', 'Programme code')), L(locale, bi('状态代码', 'State code'))],
    rows: [...r.byState.map((s) => [programmeName(locale, s.programme), stateName(locale, s.programme, s.state), shown(locale, s.count), s.programme, s.state]),
      [L(locale, bi('合计', 'Total')), '', shown(locale, r.byStateTotal), '', '']],
    csvOnly: 3,
  };
}

export function publicMonthTable(locale: Locale, r: PublicReport): CsvTable {
  const keys = ['applications', 'supported', 'requested', 'granted'] as const;
  return { name: 'months', header: monthHeader(locale),
    rows: [...r.months.map((m) => [m.month, ...keys.map((k) => shown(locale, m[k]))]), [L(locale, bi('合计', 'Total')), ...keys.map((k) => shown(locale, r.monthTotals[k]))]] };
}

export const FULL_TABLES = { totals: totalsTable, locations: locationTable, index: indexTable, targets: targetTable, states: stateTable, months: monthTable };
export const PUBLIC_TABLES = { totals: publicTotalsTable, locations: publicLocationTable, states: publicStateTable, months: publicMonthTable };
