import { and, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index';
import type { Deps } from '../deps';

export function unreadCount(deps: Deps, userId: number): number {
  return deps.db.select({ n: sql<number>`count(*)` }).from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}
