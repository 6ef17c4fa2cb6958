// The workbench list: one keyset-paginated query (sort key, id) so page 500 costs what page 1
// does, and the counts per stage grouped over the same scope.
import { and, asc, desc, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { CaseRow } from '../cases/load-case';
import { viewFor, narrowWhere, scopeWhere, type Access, type SortKey, type WorkbenchFilter } from './case-filter';
import { stageOf } from './stages';
import { StampedCache } from '../../db/data-stamp';
import { preparedQuery } from '../../db/prepared';
import { maintainedStageCounts } from './maintained-counts';
import { stateLabel } from '../../../workflows/labels';

/** Sort expressions; amount is nullable, so it sorts as 0 to keep the keyset comparison total. */
const SORT_COLUMNS: Record<SortKey, { expr: SQL; kind: 'text' | 'number' }> = {
  updated: { expr: sql`${cases.updatedAt}`, kind: 'text' },
  submitted: { expr: sql`${cases.submittedAt}`, kind: 'text' },
  amount: { expr: sql`coalesce(${cases.amount}, 0)`, kind: 'number' },
  days: { expr: sql`${cases.stateSince}`, kind: 'text' },
};

/** "Days in state" descending means the oldest state_since first. */
const naturalDir = (sort: SortKey): 'asc' | 'desc' => (sort === 'days' ? 'asc' : 'desc');

function encodeKeyset(key: string | number, id: number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}
function decodeKeyset(cursor: string, kind: 'text' | 'number'): [string | number, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === (kind === 'text' ? 'string' : 'number') && Number.isSafeInteger(v[1])) return v as [string | number, number];
  } catch { /* fall through */ }
  throw new AppError('BAD_REQUEST', '分页标记无效 / Invalid cursor.');
}

/** A case as lists show it: everything but the stored snapshot and form, which only case pages read. */
export type CaseListRow = Omit<CaseRow, 'snapshot' | 'form'>;
const { snapshot: _snapshot, form: _form, ...LIST_COLUMNS } = getTableColumns(cases);

export interface WorkbenchPage { items: CaseListRow[]; nextCursor: string | null; view: 'queue' | 'all'; sort: SortKey; dir: 'asc' | 'desc' }

/** Above this many matches a page walks the sort index; below, the filter indexes seek the rows. */
const WALK_THRESHOLD = 2000;

/** `matches`: how many rows the filter matches (the stage counts' total), when already known. */
export function listWorkbench(deps: Deps, user: CurrentUser, f: WorkbenchFilter, matches?: number): WorkbenchPage {
  const view = viewFor(user, f);
  const sort = f.sort ?? 'updated';
  const dir = f.dir ?? naturalDir(sort);
  const limit = f.limit ?? 25;
  const access = (matches ?? countMatches(deps, user, f)) > WALK_THRESHOLD ? 'walk' : 'seek';
  // Two steps: the page's ids from an index that holds every column a queue filters and sorts on
  // (src/db/schema/cases.ts), without touching a table row; then only those rows. Walking a sort
  // index past rows of other programmes, or sorting a stage's rows, reads no table pages.
  // The same page asked again (a queue reloaded, the same filter of colleagues with the same
  // scope) reuses its compiled statement: building and compiling it was a quarter of a page.
  const key = JSON.stringify([user.role, user.institutionCode, user.role === 'expert' ? user.id : 0, view, access, f]);
  const q = listStatements.get(deps.db, key, () => pageIdsQuery(deps, user, f, access)?.prepare() ?? null);
  if (!q) return { items: [], nextCursor: null, view, sort, dir };
  const rows = rowsByIds(deps, q.all().map((r) => r.id));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeKeyset(sortValue(last, sort), last.id) : null;
  return { items, nextCursor, view, sort, dir };
}

/** The ids of one page (and one more, to know there is a next), in order; null: the user sees nothing. */
export function pageIdsQuery(deps: Deps, user: CurrentUser, f: WorkbenchFilter, access: Access) {
  const scope = scopeWhere(user, viewFor(user, f), access);
  if (scope === 'nothing') return null;
  const sort = f.sort ?? 'updated';
  const dir = f.dir ?? naturalDir(sort);
  const col = SORT_COLUMNS[sort];
  const where = [scope, ...narrowWhere(f, access)];
  if (f.cursor) {
    const [key, id] = decodeKeyset(f.cursor, col.kind);
    where.push(dir === 'desc' ? sql`(${col.expr}, ${cases.id}) < (${key}, ${id})` : sql`(${col.expr}, ${cases.id}) > (${key}, ${id})`);
  }
  const order = dir === 'desc' ? [desc(col.expr), desc(cases.id)] : [asc(col.expr), asc(cases.id)];
  return deps.db.select({ id: cases.id }).from(cases).where(and(...where)).orderBy(...order).limit((f.limit ?? 25) + 1);
}

/** Compiled statements by key, per connection; the least recently used goes first. */
class StatementCache<T> {
  private byDb = new WeakMap<Deps['db'], Map<string, T>>();
  constructor(private readonly max: number) {}
  get(db: Deps['db'], key: string, build: () => T): T {
    let m = this.byDb.get(db);
    if (!m) this.byDb.set(db, (m = new Map()));
    let v = m.get(key);
    if (v !== undefined) {
      m.delete(key);
    } else {
      v = build();
      if (m.size >= this.max) m.delete(m.keys().next().value!);
    }
    m.set(key, v);
    return v;
  }
}

const listStatements = new StatementCache<{ all(): { id: number }[] } | null>(300);

/** The list rows of these ids, in this order. */
function rowsByIds(deps: Deps, ids: number[]): CaseListRow[] {
  if (ids.length === 0) return [];
  // One compiled statement per page length (id IN (?, …)), plain SQL on either engine.
  const q = preparedQuery(deps.db, `workbench-rows-${ids.length}`, (db) => db.select(LIST_COLUMNS).from(cases)
    .where(inArray(cases.id, ids.map((_, i) => sql.placeholder(`i${i}`)))).prepare());
  const byId = new Map(q.all(Object.fromEntries(ids.map((id, i) => [`i${i}`, id]))).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is CaseListRow => r !== undefined);
}

function sortValue(row: CaseListRow, sort: SortKey): string | number {
  switch (sort) {
    case 'updated': return row.updatedAt;
    case 'submitted': return row.submittedAt ?? '';
    case 'amount': return row.amount ?? 0;
    case 'days': return row.stateSince;
  }
}

export interface StageCount { programme: string; state: string; label: { zh: string; en: string }; count: number }

/** Cases per stage in the user's view, narrowed by everything but the state itself. */
export function stageCounts(deps: Deps, user: CurrentUser, f: WorkbenchFilter): StageCount[] {
  const maintained = maintainedStageCounts(deps, user, f);
  if (maintained) return labelled(maintained);
  // Other narrowings count the cases in scope; the same counts are served until the data changes.
  const { state: _s, cursor: _c, sort: _o, dir: _d, limit: _l, ...narrow } = f;
  const key = JSON.stringify([user.role, user.institutionCode, user.role === 'expert' ? user.id : 0, user.enterpriseId, narrow, viewFor(user, f)]);
  return countsCache.get(deps.db, key, () => computeStageCounts(deps, user, f));
}

const countsCache = new StampedCache<StageCount[]>();

/** The counts by a count over `cases` (any filter); the maintained counts must equal these. */
export function computeStageCounts(deps: Deps, user: CurrentUser, f: WorkbenchFilter): StageCount[] {
  const view = viewFor(user, f);
  const scope = scopeWhere(user, view);
  if (scope === 'nothing') return [];
  const rows = deps.db.select({ programme: cases.programmeCode, state: cases.state, count: sql<number>`count(*)` })
    .from(cases).where(and(scope, ...narrowWhere({ ...f, state: undefined })))
    .groupBy(cases.programmeCode, cases.state).all();
  return labelled(rows);
}

function labelled(rows: { programme: string; state: string; count: number }[]): StageCount[] {
  return rows.map((r) => ({ ...r, label: stageOf(r.programme, r.state)?.label ?? stateLabel(r.state, r.programme) }))
    .sort((a, b) => a.programme.localeCompare(b.programme) || b.count - a.count);
}

/** The total the counts would show for this filter (with its state). */
export function countMatches(deps: Deps, user: CurrentUser, f: WorkbenchFilter): number {
  return stageCounts(deps, user, f).filter((s) => !f.state || s.state === f.state).reduce((t, s) => t + s.count, 0);
}
