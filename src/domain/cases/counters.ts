import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { counters } from '../../db/schema/index';

/** Next value of a named counter; call inside a write transaction so numbers are never reused. */
export function nextCounter(tx: Db, name: string): number {
  const row = tx.insert(counters).values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value }).get();
  return row.value;
}

/** SF-2026-000123: per programme and year. */
export function caseReference(tx: Db, prefix: string, year: number): string {
  return `${prefix}-${year}-${String(nextCounter(tx, `case:${prefix}:${year}`)).padStart(6, '0')}`;
}
