import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The audit trail, append-only and hash-chained: every row carries the SHA-256 of its
 * canonical content and of the previous row. Triggers in the migration refuse UPDATE and
 * DELETE. Workflow events (kind 'event') are also the case history of the API.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    kind: text('kind').notNull(), // 'event' | 'document' | 'download' | 'auth' | 'admin' | 'decision' ...
    caseId: integer('case_id'),
    actorId: integer('actor_id'), // null or 0 for the system
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    version: integer('version'), // case version after a workflow event
    comment: text('comment'),
    data: text('data'), // JSON
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_case').on(t.caseId, t.id), index('audit_at').on(t.at)],
);
