import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

/**
 * Targets an administrator sets for a designated location (政策 七.三) in a calendar year, one
 * row per indicator; the statistics page shows progress against them. `location` is the
 * location's key in the statistics (normalised province, or 'province|city'). The audit trail
 * keeps every change; this table holds the targets in force.
 */
export const evaluationTargets = sqliteTable('evaluation_targets', {
  location: text('location').notNull(),
  year: integer('year').notNull(),
  indicator: text('indicator').notNull(),
  target: real('target').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.location, t.year, t.indicator] })]);
