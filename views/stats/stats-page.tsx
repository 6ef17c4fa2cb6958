// The full statistics page for commerce staff and auditors (政策 七.三 evaluation, 七.四 statistics).
import type { FC } from 'hono/jsx';
import type { FullReport } from '../../src/domain/stats/stats-report';
import { FULL_TABLES, locationName } from '../../src/domain/stats/stats-tables';
import { filterQuery } from '../../src/domain/stats/filters';
import { BarChart } from '../components/chart-bar';
import { LineChart } from '../components/chart-line';
import { StatsFilters } from './filters-form';
import { IndexFormula, type IndexSectionProps } from './index-section';
import { StatsTable } from './stats-table';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);

export interface StatsPageProps extends Omit<IndexSectionProps, 'weights' | 'action'> { report: FullReport }

export const StatsPage: FC<StatsPageProps> = ({ report: r, locale: l, ...index }) => {
  const q = (name: string) => `/stats/${name}.csv${filterQuery(r.filter, { lang: l })}`;
  const csv = T(l, '下载 CSV', 'Download CSV');
  const byKey = new Map(r.locations.map((x) => [x.key, x]));
  const tables = Object.fromEntries(Object.entries(FULL_TABLES).map(([k, fn]) => [k, fn(l, r)]));
  return (
    <>
      <h1>{T(l, '承接地统计与评价', 'Statistics and evaluation of undertaking locations')}</h1>
      <p><a href="/statistics">{T(l, '公开统计页', 'Public statistics page')}</a></p>
      <StatsFilters locale={l} filter={r.filter} action="/stats" withLevel />
      <BarChart id="chart-index" title={T(l, '评价指数排名', 'Evaluation index ranking')}
        desc={T(l, `${r.index.length} 个地区按评价指数（0–100）从高到低排列。`, `${r.index.length} locations by evaluation index (0–100), highest first.`)}
        labelHeader={T(l, '地区', 'Location')} valueHeader={T(l, '评价指数', 'Index')}
        items={r.index.map((x) => ({ label: `${x.rank}. ${locationName(l, byKey.get(x.key)!)}`, value: x.score }))} />
      <IndexFormula locale={l} weights={r.weights} action="/stats/weights" {...index} />
      <StatsTable table={tables.index!} caption={T(l, '评价指数与归一化指标', 'Index and normalised indicators')} csvHref={q('index')} csvLabel={csv} />
      <StatsTable table={tables.locations!} caption={T(l, '各地区统计', 'Figures per location')} csvHref={q('locations')} csvLabel={csv} totalRow />
      <LineChart id="chart-months" title={T(l, '按月趋势', 'Trend by month')}
        desc={T(l, '每月提交的申请数与其中获支持的数量。', 'Applications submitted each month, and how many of them were supported.')}
        xHeader={T(l, '月份', 'Month')} xLabels={r.months.map((m) => m.month)}
        series={[{ name: T(l, '申请数', 'Applications'), values: r.months.map((m) => m.applications.value) },
          { name: T(l, '获支持', 'Supported'), values: r.months.map((m) => m.supported.value) }]} />
      <StatsTable table={tables.months!} caption={T(l, '按月统计', 'Figures by month')} csvHref={q('months')} csvLabel={csv} />
      <StatsTable table={tables.states!} caption={T(l, '按项目与状态的申请数', 'Applications by programme and state')} csvHref={q('states')} csvLabel={csv} />
    </>
  );
};
