// A PostgreSQL database of its own for a test: a fresh schema in the run's database
// (test/helpers/pg-global-setup.ts), migrated, dropped by close().
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { testConfig } from '../../src/config';
import { openPostgres, openPostgresDb, type PgDb } from '../../src/db/postgres';
import { systemClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';

export async function openTestPostgres(): Promise<{ db: PgDb; schema: string; close: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(inject('pgUrl'), { schema, max: 4 });
  return {
    db,
    schema,
    close: async () => {
      await db.$client.query(`drop schema ${schema} cascade`);
      await db.$client.end();
    },
  };
}

/** A whole database of its own on the run's server (for real server processes): its URL and drop(). */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const at = (db: string) => Object.assign(new URL(inject('pgUrl')), { pathname: `/${db}` }).toString();
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: at('postgres') });
    await c.connect();
    try { await c.query(statement); } finally { await c.end(); }
  };
  await admin(`create database ${name}`);
  return { url: at(name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Migrates a scratch database and gives it the demo accounts (without the demo cases, slow to make over the network). */
export async function seedAccounts(url: string): Promise<void> {
  const deps: Deps = { db: await openPostgresDb(url), config: testConfig({ SCRYPT_LOG_N: '12' }), clock: systemClock };
  try {
    ensureReferenceData(deps.db);
    await seedDemoAccounts(deps);
  } finally {
    deps.db.$client.close();
  }
}
