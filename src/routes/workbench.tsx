import { Hono } from 'hono';
import { PROVINCES } from '../domain/reference/provinces';
import { requireRole } from '../domain/policy';
import { filterQuery, parseWorkbenchFilter, queueStages, viewFor, workbenchProgrammes, type WorkbenchFilter } from '../domain/workbench/case-filter';
import { caseTiming } from '../domain/workbench/case-timing';
import { workbenchCsv } from '../domain/workbench/export-csv';
import { listWorkbench, stageCounts } from '../domain/workbench/list-workbench';
import { WORKBENCH_ROLES } from '../domain/workbench/staff-case';
import { STAGES } from '../domain/workbench/stages';
import type { AppEnv } from '../env';
import type { CurrentUser } from '../domain/auth/current-user';
import type { Deps } from '../domain/deps';
import { INDUSTRIES } from '../../workflows/index';
import { beijingToday } from '../../workflows/display-format';
import type { Locale } from '../../views/i18n';
import { QueuePage, type Option } from '../../views/workbench/queue-page';
import { renderPage } from './render';
import { openCallBudgets } from './workbench-calls';
import { workbenchCaseRoutes } from './workbench-case';
import { programmeName, stateLabel } from '../../workflows/labels';

/** Choices of the filter form, in the reader's language. */
function filterOptions(programmes: string[], f: WorkbenchFilter, locale: Locale) {
  const states = new Map<string, string>();
  for (const s of STAGES) if (programmes.includes(s.programme) && (!f.programme || s.programme === f.programme) && s.state !== 'draft') states.set(s.state, states.get(s.state) ?? s.label[locale]);
  return {
    programmes: programmes.map((p): Option => ({ value: p, label: programmeName(p)[locale] })),
    states: [...states].map(([value, label]) => ({ value, label })),
    provinces: PROVINCES.map((p) => ({ value: p.name, label: locale === 'zh' ? p.name : p.nameEn })),
    industries: INDUSTRIES.map((i) => ({ value: i.code, label: i.label[locale] })),
  };
}

/** What the queue page shows, read from the database; rendering is separate (the benchmark times each). */
export function queuePageProps(deps: Deps, user: CurrentUser, f: WorkbenchFilter, locale: Locale): Parameters<typeof QueuePage>[0] {
  const counts = stageCounts(deps, user, f);
  const matches = counts.filter((s) => !f.state || s.state === f.state).reduce((t, s) => t + s.count, 0);
  const page = listWorkbench(deps, user, f, matches);
  const now = deps.clock.now();
  const rows = page.items.map((row) => ({
    row, timing: caseTiming(row, now),
    stateLabel: stateLabel(row.state, row.programmeCode),
    programme: programmeName(row.programmeCode),
  }));
  const view = viewFor(user, f);
  const title = locale === 'zh' ? '工作台' : 'Workbench';
  return {
    locale, title, filter: f, view, canQueue: queueStages(user).length > 0, counts,
    rows, nextCursor: page.nextCursor, query: (extra) => filterQuery({ ...f, view }, extra),
    options: filterOptions(workbenchProgrammes(user), f, locale),
    calls: openCallBudgets(deps, user),
  };
}

/** The staff workbench: queues, filters, CSV; the case pages are in workbench-case.tsx. */
export const workbenchRoutes = new Hono<AppEnv>()
  .get('/workbench', (c) => {
    const user = requireRole(c.var.user, ...WORKBENCH_ROLES);
    const props = queuePageProps(c.var.deps, user, parseWorkbenchFilter(c.req.query()), c.var.locale);
    return renderPage(c, props.title, <QueuePage {...props} />);
  })
  .get('/workbench/export.csv', (c) => {
    const user = requireRole(c.var.user, ...WORKBENCH_ROLES);
    const lines = workbenchCsv(c.var.deps, user, parseWorkbenchFilter(c.req.query()));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const next = lines.next();
        if (next.done) ctrl.close();
        else ctrl.enqueue(encoder.encode(next.value));
      },
    });
    const date = beijingToday(c.var.deps.clock.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="workbench-${date}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(body);
  })
  .route('/', workbenchCaseRoutes);
