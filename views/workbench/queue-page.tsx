// The workbench list: counts per stage, the filter (a GET form, so the URL holds it), the rows
// with days in state and an overdue mark, keyset pagination and the CSV export of the filter.
import type { FC } from 'hono/jsx';
import { CallBudget, type CallBudgetInfo } from './calls-page';
import type { CaseListRow } from '../../src/domain/workbench/list-workbench';
import type { WorkbenchFilter } from '../../src/domain/workbench/case-filter';
import type { CaseTiming } from '../../src/domain/workbench/case-timing';
import type { StageCount } from '../../src/domain/workbench/list-workbench';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';
import { FilterSelect } from '../components/fields';
import { L, day, yuan } from './text';

interface QueueRow { row: CaseListRow; stateLabel: Bilingual; programme: Bilingual; timing: CaseTiming }
export interface Option { value: string; label: string }

export interface QueuePageProps {
  locale: Locale;
  title: string;
  filter: WorkbenchFilter;
  view: 'queue' | 'all';
  canQueue: boolean;
  counts: StageCount[];
  rows: QueueRow[];
  nextCursor: string | null;
  query: (extra?: Partial<WorkbenchFilter>) => string;
  options: { programmes: Option[]; states: Option[]; provinces: Option[]; industries: Option[] };
  /** The open calls (申报指南) of the reader's programmes, with budget used and left. */
  calls?: CallBudgetInfo[];
}

const SORT_LABELS: Record<string, [string, string]> = {
  updated: ['最近更新', 'Last updated'], submitted: ['提交时间', 'Submitted'], amount: ['金额', 'Amount'], days: ['本状态天数', 'Days in state'],
};


export const QueuePage: FC<QueuePageProps> = ({ locale, title, filter: f, view, canQueue, counts, rows, nextCursor, query, options, calls = [] }) => {
  const any = L(locale, '全部', 'Any');
  const total = counts.reduce((t, c) => t + c.count, 0);
  return (
    <>
      <h1>{title}</h1>
      {calls.length ? (
        <section class="card" aria-labelledby="h-calls">
          <h2 id="h-calls">{L(locale, '申报指南预算', 'Budgets of the calls')} <a href="/workbench/calls">{L(locale, '管理', 'Manage')}</a></h2>
          {calls.map((c) => <CallBudget locale={locale} call={c} />)}
        </section>
      ) : null}
      <nav class="tabs" aria-label={L(locale, '视图', 'View')}>
        {canQueue ? <a href={`/workbench?${query({ view: 'queue', state: undefined })}`} aria-current={view === 'queue' ? 'page' : undefined}>{L(locale, '我的待办', 'My queue')}</a> : null}
        {' · '}<a href={`/workbench?${query({ view: 'all', state: undefined })}`} aria-current={view === 'all' ? 'page' : undefined}>{L(locale, '全部可见案件', 'All cases I may see')}</a>
      </nav>
      <section class="card" aria-labelledby="h-counts">
        <h2 id="h-counts">{L(locale, `按环节统计（共 ${total} 件）`, `By stage (${total} in all)`)}</h2>
        {counts.length === 0 ? <p class="muted">{L(locale, '暂无案件。', 'No cases.')}</p> : (
          <ul class="stage-counts">
            {counts.map((c) => (
              <li data-stage={`${c.programme}:${c.state}`}>
                <a href={`/workbench?${query({ programme: c.programme, state: c.state })}`} aria-current={f.state === c.state && f.programme === c.programme ? 'true' : undefined}>
                  {options.programmes.find((p) => p.value === c.programme)?.label ?? c.programme} · {c.label[locale]}
                </a>: <strong class="count">{c.count}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form method="get" action="/workbench" class="card filters" role="search">
        <input type="hidden" name="view" value={view} />
        <div class="grid">
          <div class="field"><label for="f-q">{L(locale, '搜索（编号、企业名称、信用代码）', 'Search (reference, enterprise, credit code)')}</label><input id="f-q" name="q" type="search" value={f.q ?? ''} /></div>
          <FilterSelect name="programme" label={L(locale, '项目', 'Programme')} value={f.programme} options={options.programmes} any={any} />
          <FilterSelect name="state" label={L(locale, '状态', 'State')} value={f.state} options={options.states} any={any} />
          <FilterSelect name="province" label={L(locale, '省份', 'Province')} value={f.province} options={options.provinces} any={any} />
          <FilterSelect name="industry" label={L(locale, '行业', 'Industry')} value={f.industry} options={options.industries} any={any} />
          <div class="field"><label for="f-from">{L(locale, '提交日期自', 'Submitted from')}</label><input id="f-from" name="from" type="date" value={f.from ?? ''} /></div>
          <div class="field"><label for="f-to">{L(locale, '提交日期至', 'Submitted to')}</label><input id="f-to" name="to" type="date" value={f.to ?? ''} /></div>
          <div class="field"><label for="f-min">{L(locale, '金额下限（元）', 'Amount from (CNY)')}</label><input id="f-min" name="min" type="number" min="0" value={f.min?.toString() ?? ''} /></div>
          <div class="field"><label for="f-max">{L(locale, '金额上限（元）', 'Amount to (CNY)')}</label><input id="f-max" name="max" type="number" min="0" value={f.max?.toString() ?? ''} /></div>
          <FilterSelect name="sort" label={L(locale, '排序', 'Sort by')} value={f.sort} options={Object.entries(SORT_LABELS).map(([k, v]) => ({ value: k, label: L(locale, v[0], v[1]) }))} any={L(locale, '默认（最近更新）', 'Default (last updated)')} />
          <FilterSelect name="dir" label={L(locale, '顺序', 'Order')} value={f.dir} options={[{ value: 'desc', label: L(locale, '降序', 'Descending') }, { value: 'asc', label: L(locale, '升序', 'Ascending') }]} any={L(locale, '默认', 'Default')} />
        </div>
        <p>
          <button type="submit">{L(locale, '筛选', 'Filter')}</button>{' '}
          <a class="button secondary" href={`/workbench?view=${view}`}>{L(locale, '清除', 'Clear')}</a>{' '}
          <a class="button secondary" id="export-csv" href={`/workbench/export.csv?${query()}`}>{L(locale, '导出 CSV', 'Export CSV')}</a>
        </p>
      </form>
      <table id="results">
        <thead><tr>
          <th scope="col">{L(locale, '编号', 'Reference')}</th><th scope="col">{L(locale, '项目', 'Programme')}</th><th scope="col">{L(locale, '企业', 'Enterprise')}</th>
          <th scope="col">{L(locale, '省份', 'Province')}</th><th scope="col">{L(locale, '状态', 'State')}</th><th scope="col">{L(locale, '金额', 'Amount')}</th>
          <th scope="col">{L(locale, '提交', 'Submitted')}</th><th scope="col">{L(locale, '本状态天数', 'Days in state')}</th>
        </tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colspan={8} class="muted">{L(locale, '没有符合条件的案件。', 'No cases match.')}</td></tr> : rows.map(({ row, stateLabel, programme, timing }) => (
            <tr data-case={row.reference}>
              <td><a href={`/workbench/cases/${row.id}`}>{row.reference}</a></td>
              <td>{programme[locale]}</td>
              <td>{row.enterpriseName}<br /><span class="muted">{row.creditCode}</span></td>
              <td>{row.province}</td>
              <td><span class="state">{stateLabel[locale]}</span></td>
              <td>{yuan(row.amount)}</td>
              <td>{day(row.submittedAt)}</td>
              <td>{timing.daysInState}{timing.overdue ? <strong class="overdue" data-overdue="1"> ⚠ {L(locale, '逾期', 'overdue')}</strong> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label={L(locale, '翻页', 'Pages')}>
        {f.cursor ? <a href={`/workbench?${query()}`}>{L(locale, '« 第一页', '« First page')}</a> : null}
        {f.cursor && nextCursor ? ' · ' : null}
        {nextCursor ? <a id="next-page" href={`/workbench?${query({ cursor: nextCursor })}`}>{L(locale, '下一页 »', 'Next page »')}</a> : null}
      </nav>
    </>
  );
};
