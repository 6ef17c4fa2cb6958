// The workbench filter: parsed from the URL (so a view can be bookmarked and shared) and
// turned into one WHERE clause over the denormalised, indexed columns of `cases`.
import { awaitsScoreSql } from '../cases/panel-sql';
import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { cases } from '../../db/schema/index';
import { PROGRAMME_CODES } from '../../../workflows/index';
import { beijingDayEnd, beijingDayStart } from '../../../workflows/display-format';
import type { CurrentUser } from '../auth/current-user';
import { AppError, validationError } from '../errors';
import { escapeLike } from '../cases/list-cases';
import { visibleProgrammes } from '../policy';
import { stagesWaitingOn, type Stage } from './stages';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

export const SORTS = ['updated', 'submitted', 'amount', 'days'] as const;
export type SortKey = (typeof SORTS)[number];

export const workbenchFilterSchema = z.object({
  view: opt(z.enum(['queue', 'all'])).describe('视图 / View'),
  programme: opt(z.string().max(60)).describe('支持项目 / Programme'),
  state: opt(z.string().max(60)).describe('办理状态 / State'),
  province: opt(z.string().max(20)).describe('省份 / Province'),
  industry: opt(z.string().max(60)).describe('行业 / Industry'),
  from: opt(day).describe('起始日期 / From'),
  to: opt(day).describe('截止日期 / To'),
  min: opt(z.coerce.number().min(0)).describe('最低金额（人民币元） / Minimum amount (CNY yuan)'),
  max: opt(z.coerce.number().min(0)).describe('最高金额（人民币元） / Maximum amount (CNY yuan)'),
  q: opt(z.string().trim().max(100)).describe('搜索 / Search'),
  sort: opt(z.enum(SORTS)).describe('排序 / Sort by'),
  dir: opt(z.enum(['asc', 'desc'])).describe('排序方向 / Order'),
  cursor: opt(z.string().max(200)).describe('翻页位置 / Page'),
  limit: opt(z.coerce.number().int().min(1).max(100)).describe('每页条数 / Rows per page'),
});

export type WorkbenchFilter = z.infer<typeof workbenchFilterSchema>;

export function parseWorkbenchFilter(query: Record<string, string | undefined>): WorkbenchFilter {
  const parsed = workbenchFilterSchema.safeParse(query);
  if (!parsed.success) throw validationError(workbenchFilterSchema, parsed.error.issues, query);
  return parsed.data;
}

/** The URL query of a filter (without the cursor unless asked), for links, pagination and CSV. */
export function filterQuery(f: WorkbenchFilter, extra: Partial<WorkbenchFilter> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, cursor: undefined, ...extra })) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

/**
 * Staff see their queue by default; auditors, who act on nothing, see every case. Experts only
 * ever see their panel's cases: they must declare their interests before opening any other.
 */
export function viewFor(user: CurrentUser, f: Pick<WorkbenchFilter, 'view'>): 'queue' | 'all' {
  if (user.role === 'expert') return 'queue';
  if (user.role === 'auditor') return 'all';
  return f.view ?? 'queue';
}

/** Programmes this user may see; a liaison only its own institution's (policy.ts decides). */
export function workbenchProgrammes(user: CurrentUser): string[] {
  const scope = visibleProgrammes(user);
  if (scope === 'all') return [...PROGRAMME_CODES];
  return Array.isArray(scope) ? scope : [];
}

/** The stages of the user's queue (auditors have none). */
export function queueStages(user: CurrentUser): Stage[] {
  return user.role === 'auditor' ? [] : stagesWaitingOn(user.role, workbenchProgrammes(user));
}

/**
 * An expert's queue: the cases whose panel names them (the panel lives in the snapshot) and
 * that still wait on them: not yet scored by them, and not declared a conflict (recused).
 */
const awaitsExpert = (expertId: number) => sql`${awaitsScoreSql(expertId)}
  and not exists (select 1 from expert_declarations d where d.case_id = ${cases.id} and d.expert_id = ${expertId} and d.conflict = 1)`;

/**
 * How a query should reach its rows. 'walk': many rows match, so walk the sort index and stop
 * after one page; the unary + keeps SQLite from choosing a filter index and then sorting tens
 * of thousands of rows. 'seek': few rows match, so let the filter indexes find them.
 */
export type Access = 'walk' | 'seek';
const ref = (col: AnySQLiteColumn, access: Access): SQLWrapper => (access === 'walk' ? sql`+${col}` : col);

/** Visibility and queue, without the user's own narrowing (the stage counts group over this). */
export function scopeWhere(user: CurrentUser, view: 'queue' | 'all', access: Access = 'seek'): SQL | 'nothing' {
  const programmes = workbenchProgrammes(user);
  if (programmes.length === 0) return 'nothing';
  const visible = and(isNotNull(ref(cases.submittedAt, access)), inArray(ref(cases.programmeCode, access), programmes))!;
  if (view === 'all') return visible;
  const stages = queueStages(user);
  if (stages.length === 0) return 'nothing';
  // The stages are of visible programmes only; without a programme IN (...) beside them, SQLite
  // seeks each (programme, state) in cases_queue instead of reading whole programmes.
  const queue = and(isNotNull(ref(cases.submittedAt, access)), or(...stages.map((s) => and(eq(ref(cases.programmeCode, access), s.programme), eq(ref(cases.state, access), s.state)))))!;
  return user.role === 'expert' ? and(queue, awaitsExpert(user.id))! : queue;
}

/** The narrowing the user chose: programme, state, place, industry, dates, amount, search. */
export function narrowWhere(f: WorkbenchFilter, access: Access = 'seek'): SQL[] {
  const c = <T extends AnySQLiteColumn>(col: T) => ref(col, access);
  const w: SQL[] = [];
  if (f.programme) w.push(eq(c(cases.programmeCode), f.programme));
  if (f.state) w.push(eq(c(cases.state), f.state));
  if (f.province) w.push(eq(c(cases.province), f.province));
  if (f.industry) w.push(eq(c(cases.industry), f.industry));
  if (f.from) w.push(gte(c(cases.submittedAt), beijingDayStart(f.from)));
  if (f.to) w.push(lt(c(cases.submittedAt), beijingDayEnd(f.to)));
  if (f.min !== undefined) w.push(gte(c(cases.amount), f.min));
  if (f.max !== undefined) w.push(lte(c(cases.amount), f.max));
  if (f.min !== undefined && f.max !== undefined && f.min > f.max) throw new AppError('BAD_REQUEST', '金额下限大于上限 / The minimum amount exceeds the maximum.');
  if (f.q && /^[A-Z]{1,6}-\d{4}-\d{6}$/i.test(f.q)) {
    // A whole reference (SF-2026-000123) or credit code is looked up on its unique index,
    // instead of the substring scan over every row that a partial search needs.
    w.push(eq(cases.reference, f.q.toUpperCase()));
  } else if (f.q && /^[0-9A-HJ-NP-RTUWXY]{18}$/i.test(f.q)) {
    w.push(eq(cases.creditCode, f.q.toUpperCase()));
  } else if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    w.push(or(
      sql`${cases.reference} like ${pattern} escape '\\'`,
      sql`${cases.enterpriseName} like ${pattern} escape '\\'`,
      eq(c(cases.creditCode), f.q.toUpperCase()),
    )!);
  }
  return w;
}
