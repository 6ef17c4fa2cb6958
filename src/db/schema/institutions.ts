import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Commerce departments (商务主管部门), CDB, EXIM and Sinosure. */
export const institutions = sqliteTable('institutions', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['government', 'bank', 'insurer'] }).notNull(),
});
