// Statements on the hot paths (every request, every event) are built and compiled once per
// connection instead of per call: drizzle's query building and SQLite's statement compilation
// were most of an event's CPU time.
import type { Db } from './client';

const caches = new WeakMap<Db, Map<string, unknown>>();

export function preparedQuery<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let q = cache.get(name) as T | undefined;
  if (q === undefined) {
    q = build(db);
    cache.set(name, q);
  }
  return q;
}
