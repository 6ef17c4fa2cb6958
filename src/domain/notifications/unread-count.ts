import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { notifications } from '../../db/schema/index';
import type { Deps } from '../deps';

export function unreadCount(deps: Deps, userId: number): number {
  return preparedQuery(deps.db, 'unread-count', (db) => db.select({ n: sql<number>`count(*)` }).from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('user')), isNull(notifications.readAt))).prepare()).get({ user: userId })?.n ?? 0;
}
