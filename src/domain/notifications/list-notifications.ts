import { and, desc, eq, isNull } from 'drizzle-orm';
import { cases, notifications } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { iso, type Deps } from '../deps';

/** The user's notifications, newest first, with the case reference to link to. */
export function listNotifications(deps: Deps, userId: number, limit = 100) {
  return deps.db.select({
    id: notifications.id, caseId: notifications.caseId, reference: cases.reference,
    messageZh: notifications.messageZh, messageEn: notifications.messageEn,
    createdAt: notifications.createdAt, readAt: notifications.readAt,
  }).from(notifications).leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
}

/** Marks one notification (or all, when id is null) read; only the user's own are touched. */
export function markNotificationsRead(deps: Deps, userId: number, id: number | null): number {
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => tx.update(notifications).set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id === null ? undefined : eq(notifications.id, id)))
    .run().changes);
}
