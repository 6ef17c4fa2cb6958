// The filtered list as CSV for spreadsheets: UTF-8 with a BOM so that Excel shows Chinese, and
// cells that could be read as formulas neutralised (CSV injection).
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { workflowFor } from '../../../workflows/index';
import type { WorkbenchFilter } from './case-filter';
import { caseTiming } from './case-timing';
import { countMatches, listWorkbench } from './list-workbench';

/** A bound on one download; past it, the user narrows the filter. */
export const CSV_MAX_ROWS = 50_000;

const HEADER = ['编号 Reference', '项目 Programme', '企业 Enterprise', '统一社会信用代码 Credit code', '省份 Province', '行业 Industry',
  '状态 State', '金额 Amount (CNY)', '提交时间 Submitted', '更新时间 Updated', '本状态天数 Days in state', '逾期 Overdue'];

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Pages through the filter with the same keyset query as the screen, so the file matches it. */
export function* workbenchCsv(deps: Deps, user: CurrentUser, f: WorkbenchFilter): Generator<string> {
  yield `\uFEFF${HEADER.map(csvCell).join(',')}\r\n`;
  const now = deps.clock.now();
  let cursor: string | undefined;
  let written = 0;
  const matches = countMatches(deps, user, f);
  do {
    const page = listWorkbench(deps, user, { ...f, cursor, limit: 100 }, matches);
    let chunk = '';
    for (const r of page.items) {
      const label = workflowFor(r.programmeCode)?.stateLabels[r.state];
      const t = caseTiming(r, now);
      chunk += [r.reference, r.programmeCode, r.enterpriseName, r.creditCode, r.province, r.industry, label ? `${label.zh} / ${label.en}` : r.state,
        r.amount ?? '', r.submittedAt ?? '', r.updatedAt, t.daysInState, t.overdue ? 'Y' : ''].map(csvCell).join(',') + '\r\n';
    }
    written += page.items.length;
    yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && written < CSV_MAX_ROWS);
}
