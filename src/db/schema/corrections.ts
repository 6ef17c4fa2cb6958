import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { decisions } from './documents';
import { users } from './users';

/**
 * A proposed correction of a decision. A correction is itself a decision and needs two people:
 * until another authorised person signs the proposal, no new decision exists.
 */
export const decisionCorrections = sqliteTable(
  'decision_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id').notNull().references(() => decisions.id),
    caseId: integer('case_id').notNull().references(() => cases.id),
    reasons: text('reasons').notNull(),
    /** The corrected amount; null keeps the decision's. */
    amount: real('amount'),
    /** The corrected conditions; null keeps the decision's, '' removes them. */
    conditions: text('conditions'),
    proposedBy: integer('proposed_by').notNull().references(() => users.id),
    proposedAt: text('proposed_at').notNull(),
    status: text('status', { enum: ['proposed', 'signed', 'withdrawn'] }).notNull().default('proposed'),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: text('closed_at'),
    /** The decision the signature issued. */
    resultId: integer('result_id').references(() => decisions.id),
  },
  (t) => [index('decision_corrections_decision').on(t.decisionId, t.status)],
);
