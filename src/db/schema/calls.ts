import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programmes } from './programmes';
import { users } from './users';

/**
 * A call for applications (申报指南) of a government programme: its year and batch, the deadline,
 * the budget and the categories it funds. An officer drafts it, another person (the approver)
 * opens it, since it commits public money (four eyes); either closes it. `committed` is the sum of
 * the approvals of its cases, moved in the approval's own transaction and never above `budget`.
 */
export const calls = sqliteTable(
  'calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeCode: text('programme_code').notNull().references(() => programmes.code),
    year: integer('year').notNull(),
    batch: integer('batch').notNull(),
    deadline: text('deadline').notNull(),     // ISO instant: the end of the last Beijing day to apply
    budget: integer('budget').notNull(),      // CNY yuan
    committed: integer('committed').notNull().default(0),
    categories: text('categories').notNull(), // JSON array of the programme's category codes
    status: text('status').notNull(),         // 'draft' | 'open' | 'closed'
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: text('opened_at'),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: text('closed_at'),
  },
  (t) => [index('calls_programme_status').on(t.programmeCode, t.status)],
);
