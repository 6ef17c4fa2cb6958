import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises';
import { programmes } from './programmes';
import { users } from './users';

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(), // e.g. SF-2026-000123
    programmeCode: text('programme_code').notNull().references(() => programmes.code),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    createdBy: integer('created_by').notNull().references(() => users.id),
    state: text('state').notNull(), // dotted state value, e.g. 'review.expert'
    snapshot: text('snapshot').notNull(), // persisted XState snapshot (JSON)
    machineVersion: integer('machine_version').notNull(),
    version: integer('version').notNull(), // 1 at creation, +1 per accepted event
    form: text('form').notNull(), // application form (JSON)
    // What the case contributes to the statistics, as its programme computes it from the context
    // (workflows/figures.ts), written with every snapshot; null only before the first start backfills it.
    figures: text('figures'),
    // Copied out of form and enterprise so that queues filter and sort on indexes.
    amount: real('amount'),
    province: text('province').notNull(),
    industry: text('industry').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    submittedAt: text('submitted_at'),
    // The call for applications (申报指南) the case applies under; null for programmes without calls.
    callId: integer('call_id'),
    stateSince: text('state_since').notNull(),
    dueAt: text('due_at'), // next timed event (公示 end, repayment due); the scheduler's index
    isFinal: integer('is_final', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('cases_enterprise_updated').on(t.enterpriseId, t.updatedAt, t.id), // an enterprise's cases (portal)
    index('cases_due').on(t.dueAt), // the scheduler
    index('cases_credit_code').on(t.creditCode), // search by a whole credit code
    // The workbench (src/domain/workbench/list-workbench.ts) finds a page's ids in one of these
    // alone, never reading a table row for a case it does not show: each holds every column a
    // queue filters on. cases_queue seeks stages (programme, state) and sorts them by any key;
    // the cases_walk_* ones are walked in the order of a sort key when many cases match
    // (the amount's, an expression index, is in migration 0020 and schema-pg.ts).
    index('cases_queue').on(t.programmeCode, t.state, t.province, t.industry, t.submittedAt, t.updatedAt, t.stateSince, t.amount),
    index('cases_walk_updated').on(t.updatedAt, t.id, t.programmeCode, t.state, t.submittedAt, t.province, t.industry, t.amount),
    index('cases_walk_submitted').on(t.submittedAt, t.id, t.programmeCode, t.state, t.province, t.industry, t.amount),
    index('cases_walk_since').on(t.stateSince, t.id, t.programmeCode, t.state, t.submittedAt, t.province, t.industry, t.amount),
  ],
);

/** Internal comments of staff on a case; never shown to the applicant. */
export const caseComments = sqliteTable(
  'case_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id),
    authorId: integer('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_comments_case').on(t.caseId, t.id)],
);

/** Replays of the first answer for a repeated Idempotency-Key of the same user. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    key: text('key').notNull(),
    caseId: integer('case_id').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_user_key').on(t.userId, t.key)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    caseId: integer('case_id').references(() => cases.id),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user_unread').on(t.userId, t.readAt, t.id)],
);
