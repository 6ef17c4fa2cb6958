// Which database engine serves: chosen here from the settings and nowhere else. Both give the
// domain the same Db: SQLite directly, PostgreSQL through src/db/pg-sync.ts.
import type { Config } from '../config';
import { openDatabase, type Db } from './client';
import { openPostgresDb } from './postgres';

/** DATABASE_URL=postgres://… opens (and migrates) PostgreSQL; without it, SQLite at DATABASE_PATH. */
export function openConfiguredDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_PATH'>): Promise<Db> | Db {
  return config.DATABASE_URL ? openPostgresDb(config.DATABASE_URL) : openDatabase(config.DATABASE_PATH);
}

/** For the log line at start: where the data is, without a password. */
export function databaseName(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_PATH'>): string {
  if (!config.DATABASE_URL) return `SQLite ${config.DATABASE_PATH}`;
  const u = new URL(config.DATABASE_URL);
  return `PostgreSQL ${u.host}${u.pathname}`;
}
