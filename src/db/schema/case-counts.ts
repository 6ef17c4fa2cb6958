import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Submitted cases per (province, industry, programme, state), kept by triggers on `cases`
 * (migrations 0007, 0014) in the same transaction as every insert and state change. Province
 * and industry are also kept as '*' (any), so the stage counts of any of the workbench's
 * narrowings by place and industry are one key-range read of at most one row per stage.
 */
export const caseCounts = sqliteTable(
  'case_counts',
  {
    programmeCode: text('programme_code').notNull(),
    state: text('state').notNull(),
    province: text('province').notNull(),
    industry: text('industry').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.province, t.industry, t.programmeCode, t.state] })],
);
