// A case's history a page at a time: the latest entries, then older ones on request. A case
// with 2,000 events costs a page what a case with 20 does (one seek on audit_case(case_id, id)),
// instead of reading, parsing and rendering its whole history on every view.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index';
import { preparedQuery } from '../../db/prepared';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { HistoryEntry } from './case-view';

export const HISTORY_PAGE = 20;

/** Entries oldest first, and the cursor of the next older page (null when this page reaches the start). */
export interface HistoryPage { entries: HistoryEntry[]; older: number | null }

/** The `limit` latest workflow events of the case before the cursor `before` (an audit row id). */
export function historyPage(deps: Deps, caseId: number, before?: number, limit = HISTORY_PAGE): HistoryPage {
  const q = preparedQuery(deps.db, 'case-history-page', (db) => db.select().from(auditEvents)
    .where(and(eq(auditEvents.caseId, sql.placeholder('case')), eq(auditEvents.kind, 'event'), lt(auditEvents.id, sql.placeholder('before'))))
    .orderBy(desc(auditEvents.id)).limit(sql.placeholder('limit')).prepare());
  const rows = q.all({ case: caseId, before: before ?? Number.MAX_SAFE_INTEGER, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    entries: page.reverse().map((a) => ({
      at: a.at, actor: a.actorName, actorId: a.actorId, role: a.actorRole, type: a.type, from: a.fromState, to: a.toState,
      comment: a.comment, version: a.version, data: a.data ? JSON.parse(a.data) : null,
    })),
    older: rows.length > limit ? page[0]!.id : null,
  };
}

/**
 * The steps the case took (each distinct move from one state to another, in the order first
 * taken), for the workflow diagram's path. It changes only with the case's version, so it is read
 * once per (case, version) however often the page is shown.
 */
export function stepsTaken(deps: Deps, caseId: number, version: number): StepTaken[] {
  const key = `${caseId}:${version}`;
  let cache = visitedCaches.get(deps.db);
  if (!cache) visitedCaches.set(deps.db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const steps = preparedQuery(deps.db, 'case-steps-taken', (db) => db.$client.prepare(
    `select from_state "from", to_state "to" from audit_events
     where case_id = ? and kind = 'event' and from_state is not null and to_state is not null and from_state <> to_state
     group by from_state, to_state order by min(id)`))
    .all(caseId) as StepTaken[];
  // Inside a transaction the rows may still roll back: answer, but do not remember.
  if (!deps.db.$client.inTransaction) {
    if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
    cache.set(key, steps);
  }
  return steps;
}

export interface StepTaken { from: string; to: string }

const visitedCaches = new WeakMap<Deps['db'], Map<string, StepTaken[]>>();

/** The `before` of an "older entries" request: absent (the latest page), a positive integer, or a clear refusal. */
export function historyCursor(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw new AppError('BAD_REQUEST', '历史分页标记无效 / Invalid history cursor.');
  return n;
}
