import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Submitted cases per (programme, state, province, industry), kept by triggers on `cases`
 * (migration 0006) in the same transaction as every insert and state change, so the workbench's
 * stage counts are a sum over a few hundred rows instead of a count over every case.
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
  (t) => [primaryKey({ columns: [t.programmeCode, t.state, t.province, t.industry] })],
);
