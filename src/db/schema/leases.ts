import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Work that must run on one app server at a time (the scheduler, the webhook worker): the
 * holder renews its row well before `expires_at`; when it dies, the row expires and the next
 * server to ask takes the lease over (src/db/lease.ts).
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: text('expires_at').notNull(),
});
