// Stage counts read from case_counts, which triggers keep in step with every write to `cases`
// (src/db/migrations/0014): one key-range read of at most one row per stage, whatever the number
// of cases, so a page after an event costs what a page before it did.
import { and, eq, gt, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { caseCounts } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { queueStages, viewFor, workbenchProgrammes, type WorkbenchFilter } from './case-filter';

/** The province and industry of the rows that count every province or every industry. */
const ANY = '*';

const stageRows = (deps: Deps) => preparedQuery(deps.db, 'stage-counts', (db) => db
  .select({ programme: caseCounts.programmeCode, state: caseCounts.state, count: caseCounts.n }).from(caseCounts)
  .where(and(eq(caseCounts.province, sql.placeholder('province')), eq(caseCounts.industry, sql.placeholder('industry')), gt(caseCounts.n, 0),
    sql`(${sql.placeholder('programme')} is null or ${caseCounts.programmeCode} = ${sql.placeholder('programme')})`))
  .prepare());

/**
 * Cases per (programme, state) for the user's view narrowed by programme, province and industry,
 * or null when the filter narrows by something the table does not keep (dates, amounts, search)
 * or the view depends on more than the stage (an expert's queue depends on the panel).
 */
export function maintainedStageCounts(deps: Deps, user: CurrentUser, f: WorkbenchFilter): { programme: string; state: string; count: number }[] | null {
  if (user.role === 'expert' || f.from || f.to || f.min !== undefined || f.max !== undefined || f.q) return null;
  const view = viewFor(user, f);
  const programmes = workbenchProgrammes(user);
  const stages = view === 'queue' ? new Set(queueStages(user).map((s) => `${s.programme}\u0000${s.state}`)) : null;
  if (programmes.length === 0 || stages?.size === 0) return [];
  const rows = stageRows(deps).all({ province: f.province ?? ANY, industry: f.industry ?? ANY, programme: f.programme ?? null });
  const visible = new Set(programmes);
  return rows.filter((r) => visible.has(r.programme) && (!stages || stages.has(`${r.programme}\u0000${r.state}`)));
}
