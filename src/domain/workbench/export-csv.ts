// The filtered list as CSV for spreadsheets: UTF-8 with a BOM so that Excel shows Chinese, and
// cells that could be read as formulas neutralised (CSV injection).
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { csvCell } from '../csv/csv-cell';
import { beijingDateTime } from '../../../workflows/display-format';
import { industryLabel, programmeName, stateLabel } from '../../../workflows/labels';
import type { WorkbenchFilter } from './case-filter';
import { caseTiming } from './case-timing';
import { countMatches, listWorkbench } from './list-workbench';

/** A bound on one download; past it, the user narrows the filter. */
const CSV_MAX_ROWS = 50_000;

// Codes stay for spreadsheets that join on them; each sits beside its words. Times are Beijing time.
const HEADER = ['编号 Reference', '项目代码 Programme code', '项目 Programme', '企业 Enterprise', '统一社会信用代码 Credit code', '省份 Province',
  '行业代码 Industry code', '行业 Industry', '状态代码 State code', '状态 State', '金额 Amount (CNY)', '提交时间（北京时间） Submitted (Beijing time)',
  '更新时间（北京时间） Updated (Beijing time)', '本状态天数 Days in state', '逾期 Overdue'];

const both = (b: { zh: string; en: string }) => `${b.zh} / ${b.en}`;

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
      const t = caseTiming(r, now);
      chunk += [r.reference, r.programmeCode, both(programmeName(r.programmeCode)), r.enterpriseName, r.creditCode, r.province,
        r.industry, both(industryLabel(r.industry)), r.state, both(stateLabel(r.state, r.programmeCode)),
        r.amount ?? '', r.submittedAt ? beijingDateTime(r.submittedAt) : '', beijingDateTime(r.updatedAt), t.daysInState, t.overdue ? '是 Yes' : ''].map(csvCell).join(',') + '\r\n';
    }
    written += page.items.length;
    yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && written < CSV_MAX_ROWS);
}
