import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { institutions } from './institutions';
import { users } from './users';

/** An institution's receiver of webhook deliveries; the secret signs every delivery (HMAC-SHA-256). */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionCode: text('institution_code').notNull().references(() => institutions.code),
    url: text('url').notNull(),
    events: text('events').notNull(), // JSON array of event types
    secret: text('secret').notNull(), // needed in clear to sign; shown to the registrant once
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    failingSince: text('failing_since'), // a delivery gave up after 24 hours; cleared by the next success
    removedAt: text('removed_at'),
  },
  (t) => [index('webhook_endpoints_institution').on(t.institutionCode)],
);

/**
 * The transactional outbox: one row per endpoint and event, written in the transaction of the
 * change it reports, so a committed change is always delivered and a rolled-back one never is.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id').notNull().unique(), // sent as `id` and X-Chengjie-Delivery: receivers deduplicate by it
    endpointId: integer('endpoint_id').notNull().references(() => webhookEndpoints.id),
    caseId: integer('case_id').notNull().references(() => cases.id),
    type: text('type').notNull(),
    body: text('body').notNull(), // the exact bytes sent and signed
    createdAt: text('created_at').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    retryUntil: text('retry_until').notNull(),
    lastAttemptAt: text('last_attempt_at'),
    lastStatus: integer('last_status'), // HTTP status of the last answer; null when none came
    lastError: text('last_error'),
    deliveredAt: text('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_order').on(t.endpointId, t.caseId, t.status, t.id),
  ],
);
