import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { users } from './users';

/**
 * An expert's declaration of interest for one case, made before the case is shown to them.
 * A declared conflict is also copied into expert_conflicts (by enterprise), which the workflow
 * guards read, so the expert is refused on this and every later case of that enterprise.
 */
export const expertDeclarations = sqliteTable(
  'expert_declarations',
  {
    caseId: integer('case_id').notNull().references(() => cases.id),
    expertId: integer('expert_id').notNull().references(() => users.id),
    conflict: integer('conflict', { mode: 'boolean' }).notNull(),
    note: text('note'),
    declaredAt: text('declared_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.expertId] })],
);
