// Which database engine serves: chosen here from the settings and nowhere else.
import type { Config } from '../config';
import { openDatabase, type Db } from './client';
import { openPostgres, type PgDb } from './postgres';

export type Engine = { kind: 'sqlite'; db: Db } | { kind: 'postgres'; db: PgDb };

/** DATABASE_URL=postgres://… opens (and migrates) PostgreSQL; without it, SQLite at DATABASE_PATH. */
export async function openEngine(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_PATH'>): Promise<Engine> {
  if (config.DATABASE_URL) return { kind: 'postgres', db: await openPostgres(config.DATABASE_URL) };
  return { kind: 'sqlite', db: openDatabase(config.DATABASE_PATH) };
}
