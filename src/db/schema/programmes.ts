import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { institutions } from './institutions';

/** The five programmes; their rules live in workflows/, this row lets admins switch them off. */
export const programmes = sqliteTable('programmes', {
  code: text('code').primaryKey(),
  institutionCode: text('institution_code').notNull().references(() => institutions.code),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  machineVersion: integer('machine_version').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** Named counters for reference and decision numbers (per programme or institution and year). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
