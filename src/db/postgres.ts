// The only place that opens PostgreSQL (DATABASE_URL=postgres://…): a pool of connections,
// every one with synchronous_commit on, and the migrations of src/db/migrations-pg.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgTables as schema } from './schema-pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

/** Key of the session advisory lock that lets one server at a time run the migrations. */
const MIGRATION_LOCK = 0x63_6a_6d_67; // 'cjmg'

export interface PgOptions {
  /** A schema of its own (created when missing): tests give each file one, so they share a database. */
  schema?: string;
  max?: number;
}

export async function openPostgres(url: string, options: PgOptions = {}): Promise<PgDb> {
  const { schema: searchPath } = options;
  if (searchPath && !/^[a-z_][a-z0-9_]*$/.test(searchPath)) throw new Error(`bad schema name ${searchPath}`);
  // A decision answered 2xx survives a crash of the database server: the commit waits for the WAL flush.
  const settings = ['-c synchronous_commit=on', ...(searchPath ? [`-c search_path=${searchPath}`] : [])];
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: settings.join(' ') });
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
