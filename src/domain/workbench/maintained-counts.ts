// Stage counts read from case_counts, which triggers keep in step with every write to `cases`
// (src/db/migrations/0007): a sum over at most a few thousand small rows, whatever the number
// of cases, so a page after an event costs what a page before it did.
import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { caseCounts } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { queueStages, viewFor, workbenchProgrammes, type WorkbenchFilter } from './case-filter';

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
  const where: SQL[] = [inArray(caseCounts.programmeCode, programmes), gt(caseCounts.n, 0)];
  if (f.programme) where.push(eq(caseCounts.programmeCode, f.programme));
  if (f.province) where.push(eq(caseCounts.province, f.province));
  if (f.industry) where.push(eq(caseCounts.industry, f.industry));
  const rows = deps.db.select({ programme: caseCounts.programmeCode, state: caseCounts.state, count: sql<number>`sum(${caseCounts.n})` })
    .from(caseCounts).where(and(...where)).groupBy(caseCounts.programmeCode, caseCounts.state).all();
  return rows.filter((r) => r.count > 0 && (!stages || stages.has(`${r.programme}\u0000${r.state}`)));
}
