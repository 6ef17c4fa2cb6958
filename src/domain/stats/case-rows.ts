// The submitted cases of a filter, one row each with the figures they contribute, computed once
// per report into a temporary table: every table of the report (locations, nation, states,
// months) then aggregates these rows instead of reading the cases again.
import type { Db } from '../../db/client';
import { CASE_COLUMNS, DECISION_CTE, FIGURE_COLUMNS } from './figures';
import { periodBounds, type StatsFilter } from './filters';

export const filterParams = (f: StatsFilter) => ({ ...periodBounds(f), programme: f.programme ?? null, industry: f.industry ?? null });

/** The cases query; its snapshot expressions are served by the cases_stats index (migration 0005). */
export const CASE_ROWS_SELECT = `WITH ${DECISION_CTE}
  SELECT c.id, c.enterprise_id AS eid, c.programme_code AS prog, c.state, c.province, COALESCE(e.city, '') AS city,
         strftime('%Y-%m', c.submitted_at, '+8 hours') AS month, ${CASE_COLUMNS}
  FROM cases c JOIN enterprises e ON e.id = c.enterprise_id
  LEFT JOIN dec ON dec.case_id = c.id LEFT JOIN decisions ld ON ld.id = dec.last_id
  WHERE c.submitted_at IS NOT NULL AND c.submitted_at >= :start AND c.submitted_at < :end
    AND (:programme IS NULL OR c.programme_code = :programme)
    AND (:industry IS NULL OR c.industry = :industry)`;


/**
 * The `rows` CTE over the materialised cases; at province level the city is left out, at the
 * level of designated locations each place is replaced by its location (temp.stats_places,
 * location-figures.ts) and places outside every designated location drop out.
 */
export const rowsCte = (level: 'province' | 'city' | 'designated') => level === 'designated'
  ? `rows AS (SELECT r.id, r.eid, r.prog, r.state, m.loc_province AS province, m.loc_city AS city, r.month, ${FIGURE_COLUMNS}
      FROM temp.stats_rows r JOIN temp.stats_places m ON m.province = r.province AND m.city = r.city)`
  : `rows AS (SELECT id, eid, prog, state, province, ${level === 'city' ? 'city' : 'NULL AS city'}, month, ${FIGURE_COLUMNS} FROM temp.stats_rows)`;

// better-sqlite3 is synchronous: one report runs at a time on a connection, so one temporary
// table per connection suffices. Nested calls with the same filter reuse the rows.
const materialised = new WeakMap<Db, string>();

export function withCaseRows<T>(db: Db, f: StatsFilter, fn: () => T): T {
  const key = JSON.stringify(filterParams(f));
  const open = materialised.get(db);
  if (open === key) return fn();
  if (open !== undefined) throw new Error('statistics: nested reports with different filters');
  db.$client.exec('DROP TABLE IF EXISTS temp.stats_rows');
  db.$client.prepare(`CREATE TEMP TABLE stats_rows AS ${CASE_ROWS_SELECT}`).run(filterParams(f));
  materialised.set(db, key);
  try {
    return fn();
  } finally {
    materialised.delete(db);
    db.$client.exec('DROP TABLE IF EXISTS temp.stats_rows');
  }
}
