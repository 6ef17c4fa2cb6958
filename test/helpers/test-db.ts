// The database of a test app: in-memory SQLite, or with TEST_DB=postgres (the `postgres` vitest
// project) a fresh schema of the run's PostgreSQL database, on which the same domain runs.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, inject } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client';
import { openPostgresDb } from '../../src/db/postgres';

export const onPostgres = process.env.TEST_DB === 'postgres';

const open: Db[] = [];

export async function openTestDb(): Promise<Db> {
  if (!onPostgres) return openDatabase(':memory:');
  const db = await openPostgresDb(inject('pgUrl'), { schema: `t_${randomBytes(6).toString('hex')}` });
  open.push(db);
  return db;
}

// Connections are few (PostgreSQL's max_connections): those a test opened close after it, those
// of beforeAll after the file.
if (onPostgres) {
  let mark = 0;
  const closeFrom = (i: number) => { for (const db of open.splice(i)) db.$client.close(); };
  beforeEach(() => { mark = open.length; });
  afterEach(() => closeFrom(mark));
  afterAll(() => closeFrom(0));
}
