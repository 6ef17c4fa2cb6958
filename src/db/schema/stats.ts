import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Weights of the evaluation index of undertaking locations (政策 七.三). One row per indicator;
 * an indicator without a row uses its default weight. Every change is also written to the
 * audit trail, which keeps the history; this table holds only the weights in force.
 */
export const evaluationWeights = sqliteTable('evaluation_weights', {
  indicator: text('indicator').primaryKey(),
  weight: real('weight').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').notNull().references(() => users.id),
});
