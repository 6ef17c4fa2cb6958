// The public statistics page (政策 七.四 信息共享): aggregates only, no enterprise identifiable.
import type { FC } from 'hono/jsx';
import type { PublicReport } from '../../src/domain/stats/stats-report';
import { PUBLIC_TABLES, provinceName } from '../../src/domain/stats/stats-tables';
import { BarChart } from '../components/chart-bar';
import { LineChart } from '../components/chart-line';
import { StatsTable } from './stats-table';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);

export const PublicStatsPage: FC<{ report: PublicReport; locale: Locale }> = ({ report: r, locale: l }) => {
  const q = (name: string) => `/statistics/${name}.csv?lang=${l}`;
  const csv = T(l, '下载 CSV', 'Download CSV');
  const tables = Object.fromEntries(Object.entries(PUBLIC_TABLES).map(([k, fn]) => [k, fn(l, r)]));
  const hiddenNote = T(l, '不足3家', '<3');
  return (
    <>
      <h1>{T(l, '加工贸易梯度转移承接地公开统计', 'Public statistics of the undertaking locations')}</h1>
      <p>{T(l,
        '依据政策 七.四 共享统计信息。经公示批准的资金支持本已公开；其余数字（银行、信保及未获批的申请）由不足3家企业形成的不予公布（标为“不足3家”）；为防止由合计倒推，必要时另隐去一个数字（标为“不予公布”）。',
        'Shared under policy 七.四. Grants approved after their public notice (公示) are public already; any other figure (banks, the insurer, applications not approved) built from fewer than 3 enterprises is not published (marked “<3”); where a total would let it be worked out by subtraction, one more figure is withheld (marked “withheld”).')}</p>
      <p class="hint">{T(l, '全部期间、全部项目与行业的累计数字；期间按提交月份计。', 'All periods, programmes and industries together; periods are by month of submission.')}</p>
      <BarChart id="chart-apps" title={T(l, '各省申请数', 'Applications per province')}
        desc={T(l, '每个省份提交的申请数；不足3家企业的省份不显示数值。', 'Applications submitted per province; provinces with fewer than 3 enterprises show no value.')}
        labelHeader={T(l, '省份', 'Province')} valueHeader={T(l, '申请数', 'Applications')}
        items={r.rows.map((x) => ({ label: provinceName(l, x.province), value: x.cells.applications.value, note: x.cells.applications.hidden ? hiddenNote : undefined }))} />
      <StatsTable table={tables.totals!} caption={T(l, '全国合计（含贷款、融资与信保）', 'All provinces together (grants, loans, financing, insurance)')} csvHref={q('totals')} csvLabel={csv} />
      <StatsTable table={tables.locations!} caption={T(l, '各省统计', 'Figures per province')} csvHref={q('locations')} csvLabel={csv} totalRow />
      <LineChart id="chart-months" title={T(l, '按月趋势', 'Trend by month')}
        desc={T(l, '每月提交的申请数与其中获支持的数量；不予公布的月份留空。', 'Applications submitted each month and how many were supported; withheld months are left blank.')}
        xHeader={T(l, '月份', 'Month')} xLabels={r.months.map((m) => m.month)}
        series={[{ name: T(l, '申请数', 'Applications'), values: r.months.map((m) => m.applications.value) },
          { name: T(l, '获支持', 'Supported'), values: r.months.map((m) => m.supported.value) }]} />
      <StatsTable table={tables.months!} caption={T(l, '按月统计', 'Figures by month')} csvHref={q('months')} csvLabel={csv} totalRow />
      <StatsTable table={tables.states!} caption={T(l, '按项目与状态的申请数', 'Applications by programme and state')} csvHref={q('states')} csvLabel={csv} totalRow />
    </>
  );
};
