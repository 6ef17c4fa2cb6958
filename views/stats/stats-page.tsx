// The full statistics page for commerce staff and auditors (政策 七.三 evaluation, 七.四 statistics).
import type { FC } from 'hono/jsx';
import type { FullReport } from '../../src/domain/stats/stats-report';
import { FULL_TABLES, locationName } from '../../src/domain/stats/stats-tables';
import { filterQuery } from '../../src/domain/stats/filters';
import { BarChart } from '../components/chart-bar';
import { LineChart } from '../components/chart-line';
import { StatsFilters } from './filters-form';
import { IndexFormula, type IndexSectionProps } from './index-section';
import { TargetsSection, type TargetFormState } from './targets-section';
import { StatsTable } from './stats-table';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);

export interface StatsPageProps extends Omit<IndexSectionProps, 'weights' | 'action'> { report: FullReport; targetForm?: TargetFormState }

export const StatsPage: FC<StatsPageProps> = ({ report: r, locale: l, targetForm, ...index }) => {
  const q = (name: string, extra: Record<string, string> = {}) => `/stats/${name}.csv${filterQuery(r.filter, { lang: l, ...extra })}`;
  const csv = T(l, '下载 CSV', 'Download CSV');
  const byKey = new Map(r.designated.map((x) => [x.key, x]));
  const tables = Object.fromEntries(Object.entries(FULL_TABLES).map(([k, fn]) => [k, fn(l, r)]));
  // The chart shows the locations that scored; every designated location is in the table below it.
  const scored = r.index.filter((x) => x.score > 0);
  return (
    <>
      <h1>{T(l, '承接地统计与评价', 'Statistics and evaluation of undertaking locations')}</h1>
      <p><a href="/statistics">{T(l, '公开统计页', 'Public statistics page')}</a></p>
      <StatsFilters locale={l} filter={r.filter} action="/stats" withLevel />
      <BarChart id="chart-index" title={T(l, '指定承接地评价指数排名', 'Evaluation index of the designated locations')}
        desc={T(l, `${r.index.length} 个指定承接地中得分大于 0 的 ${scored.length} 个，按评价指数（0–100）从高到低排列；全部地区见下表。`,
          `The ${scored.length} of ${r.index.length} designated locations that scored above 0, by evaluation index (0–100), highest first; all of them are in the table below.`)}
        labelHeader={T(l, '地区', 'Location')} valueHeader={T(l, '评价指数', 'Index')}
        items={scored.map((x) => ({ label: `${x.rank}. ${locationName(l, byKey.get(x.key)!)}`, value: x.score }))} />
      <IndexFormula locale={l} weights={r.weights} action="/stats/weights" {...index} />
      <StatsTable table={tables.index!} caption={T(l, '各指定承接地的指标与指数', 'Indicators and index of each designated location')} csvHref={q('index')} csvLabel={csv} />
      <TargetsSection locale={l} year={r.targets.year} table={tables.targets!} csvHref={q('targets', { year: String(r.targets.year) })}
        locations={r.targets.locations.map((x) => ({ key: x.key, name: locationName(l, x) }))} targets={r.targets.targets}
        canEdit={index.canEdit} csrfToken={index.csrfToken} form={targetForm ?? {}} />
      <StatsTable table={tables.totals!} caption={T(l, '全部数字合计（含贷款、融资、信保与追回）', 'Every figure, all locations (grants, loans, financing, insurance, clawbacks)')} csvHref={q('totals')} csvLabel={csv} />
      <StatsTable table={tables.locations!} caption={T(l, '各地区统计', 'Figures per location')} csvHref={q('locations')} csvLabel={csv} totalRow />
      <LineChart id="chart-months" title={T(l, '按月趋势', 'Trend by month')}
        desc={T(l, '每月（北京时间）提交的申请数与其中获支持的数量。', 'Applications submitted each month (Beijing time), and how many of them were supported.')}
        xHeader={T(l, '月份', 'Month')} xLabels={r.months.map((m) => m.month)}
        series={[{ name: T(l, '申请数', 'Applications'), values: r.months.map((m) => m.applications.value) },
          { name: T(l, '获支持', 'Supported'), values: r.months.map((m) => m.supported.value) }]} />
      <StatsTable table={tables.months!} caption={T(l, '按月统计', 'Figures by month')} csvHref={q('months')} csvLabel={csv} />
      <StatsTable table={tables.states!} caption={T(l, '按项目与状态的申请数', 'Applications by programme and state')} csvHref={q('states')} csvLabel={csv} />
    </>
  );
};
