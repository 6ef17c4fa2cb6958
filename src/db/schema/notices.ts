import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';

/**
 * Objections anyone raised against a case under public notice (公示). Never changed: how the
 * officer resolved each one (upheld, dismissed with reasons) is a workflow event of the case.
 */
export const noticeObjections = sqliteTable(
  'notice_objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    text: text('text').notNull(),
    address: text('address').notNull(), // the sender's address, for the per-address limit
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('notice_objections_case').on(t.caseId, t.id), index('notice_objections_address').on(t.address, t.createdAt)],
);
