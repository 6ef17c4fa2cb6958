import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { decodeCursor, encodeCursor } from '../cases/list-cases';
import { requireRole } from '../policy';

function auditItem(a: typeof auditEvents.$inferSelect) {
  return {
    id: a.id, at: a.at, kind: a.kind, caseId: a.caseId, actorId: a.actorId, actor: a.actorName, role: a.actorRole,
    type: a.type, from: a.fromState, to: a.toState, version: a.version, comment: a.comment,
    data: a.data ? JSON.parse(a.data) : null, prevHash: a.prevHash, hash: a.hash,
  };
}

/** Audit rows, newest first, optionally of one case. */
export function listAudit(deps: Deps, user: CurrentUser, q: { caseId?: number; limit?: number; cursor?: string }) {
  requireRole(user, 'auditor', 'admin');
  const limit = q.limit ?? 20;
  const where: SQL[] = [];
  if (q.caseId) where.push(eq(auditEvents.caseId, q.caseId));
  if (q.cursor) where.push(lt(auditEvents.id, decodeCursor(q.cursor)));
  const rows = deps.db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(limit + 1).all();
  const items = rows.slice(0, limit);
  return { items: items.map(auditItem), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
