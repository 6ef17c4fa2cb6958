import { and, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { visibleProgrammes } from '../policy';
import type { CaseRow } from './load-case';
import { onPanelSql } from './panel-sql';

export interface CaseQuery { state?: string; programme?: string; q?: string; limit?: number; cursor?: string }

/** The cases this user may see: an enterprise its own, staff their institutions' submitted ones. */
function visibilityFilter(user: CurrentUser): SQL | undefined | 'nothing' {
  const scope = visibleProgrammes(user);
  if (scope === 'own-enterprise') return user.enterpriseId ? eq(cases.enterpriseId, user.enterpriseId) : 'nothing';
  if (scope === 'none') return 'nothing';
  if (scope === 'all') return isNotNull(cases.submittedAt);
  if (scope.length === 0) return 'nothing';
  const visible = and(isNotNull(cases.submittedAt), inArray(cases.programmeCode, scope));
  // Experts see only the cases whose panel names them (policy.ts canSeeCase).
  if (user.role === 'expert') {
    return and(visible, onPanelSql(user.id));
  }
  return visible;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}
export function decodeCursor(cursor: string): number {
  const m = /^c:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new AppError('BAD_REQUEST', 'Invalid cursor.');
  return Number(m[1]);
}

export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Newest first, by id; the cursor is the last id of the previous page. */
export function listCases(deps: Deps, user: CurrentUser, query: CaseQuery): { items: CaseRow[]; nextCursor: string | null } {
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError('BAD_REQUEST', 'limit must be an integer from 1 to 100.');
  const visible = visibilityFilter(user);
  if (visible === 'nothing') return { items: [], nextCursor: null };
  const where: (SQL | undefined)[] = [visible];
  if (query.state) where.push(eq(cases.state, query.state));
  if (query.programme) where.push(eq(cases.programmeCode, query.programme));
  if (query.q) {
    const q = query.q.trim().slice(0, 100);
    const pattern = `%${escapeLike(q)}%`;
    where.push(or(
      sql`${cases.reference} like ${pattern} escape '\\'`,
      sql`${cases.enterpriseName} like ${pattern} escape '\\'`,
      eq(cases.creditCode, q.toUpperCase()),
    ));
  }
  if (query.cursor) where.push(lt(cases.id, decodeCursor(query.cursor)));
  const rows = deps.db.select().from(cases).where(and(...where)).orderBy(desc(cases.id)).limit(limit + 1).all();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
