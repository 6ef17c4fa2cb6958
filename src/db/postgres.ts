// The only place that opens PostgreSQL (DATABASE_URL=postgres://…): a pool of connections,
// every one with synchronous_commit on, and the migrations of src/db/migrations-pg.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle as drizzleSync } from 'drizzle-orm/better-sqlite3';
import pg from 'pg';
import type { Db } from './client';
import { PgCompatClient } from './pg-sync';
import { serialTables } from './pg-sql';
import * as sqliteSchema from './schema/index';
import { pgTables as schema } from './schema-pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

/** Key of the session advisory lock that lets one server at a time run the migrations. */
const MIGRATION_LOCK = 0x63_6a_6d_67; // 'cjmg'

export interface PgOptions {
  /** A schema of its own (created when missing): tests give each file one, so they share a database. */
  schema?: string;
  /** At least 2: one connection holds the migration lock while another migrates. */
  max?: number;
}

function connectionOptions(searchPath?: string): string {
  // A decision answered 2xx survives a crash of the database server: the commit waits for the WAL flush.
  return ['-c synchronous_commit=on', '-c statement_timeout=30000', ...(searchPath ? [`-c search_path=${searchPath}`] : [])].join(' ');
}

/**
 * PostgreSQL as the domain sees SQLite: the same Db (drizzle's SQLite query builder, the
 * prepared statements, writeTx and the group commit), over one connection of this server
 * (src/db/pg-sync.ts). Migrates first.
 */
export async function openPostgresDb(url: string, options: PgOptions = {}): Promise<Db> {
  const admin = await openPostgres(url, { ...options, max: 2 });
  await admin.$client.end();
  for (const t of Object.values(schema)) if (getTableColumns(t).id?.columnType === 'PgBigSerial53') serialTables.add(getTableName(t));
  const client = new PgCompatClient(url, connectionOptions(options.schema));
  return drizzleSync({ client: client as never, schema: sqliteSchema }) as Db;
}

export async function openPostgres(url: string, options: PgOptions = {}): Promise<PgDb> {
  const { schema: searchPath } = options;
  if (searchPath && !/^[a-z_][a-z0-9_]*$/.test(searchPath)) throw new Error(`bad schema name ${searchPath}`);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: connectionOptions(searchPath) });
  const db = drizzle(pool, { schema }) as PgDb;
  const client = await pool.connect();
  try {
    // Several servers starting at once: the first migrates, the others wait and find nothing to do.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      if (searchPath) await client.query(`create schema if not exists ${searchPath}`);
      await migrate(db, { migrationsFolder, migrationsSchema: searchPath ?? 'drizzle' });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return db;
}
