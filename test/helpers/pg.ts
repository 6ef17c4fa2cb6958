// A PostgreSQL database of its own for a test: a fresh schema in the run's database
// (test/helpers/pg-global-setup.ts), migrated, dropped by close().
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPostgres, type PgDb } from '../../src/db/postgres';

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
