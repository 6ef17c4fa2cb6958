import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises';
import { institutions } from './institutions';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(), // stored lower-case
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', {
      enum: ['applicant', 'officer', 'expert', 'approver', 'finance', 'liaison', 'auditor', 'admin'],
    }).notNull(),
    institutionCode: text('institution_code').references(() => institutions.code),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    locale: text('locale', { enum: ['zh', 'en'] }).notNull().default('zh'),
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('users_enterprise').on(t.enterpriseId), index('users_role').on(t.role)],
);

/** Experts linked to an enterprise may not score its cases (conflict of interest). */
export const expertConflicts = sqliteTable(
  'expert_conflicts',
  {
    expertId: integer('expert_id').notNull().references(() => users.id),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.enterpriseId] })],
);
