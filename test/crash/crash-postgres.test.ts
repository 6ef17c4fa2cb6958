import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCrashTest } from '../../src/scripts/crashtest-lib';
import { scratchDatabase, seedAccounts } from '../helpers/pg';

// The crash test on PostgreSQL: two servers on one database under load, one of them killed with
// SIGKILL and restarted by its supervisor while the other keeps serving; clients retry what went
// unanswered with the same idempotency key. Nothing acknowledged is lost or applied twice, the
// versions add up and the audit chain verifies after every kill.
let database: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  database = await scratchDatabase('chengjie_crash');
  await seedAccounts(database.url);
});
afterAll(async () => { await database?.drop(); });

it('loses nothing when one of two servers on PostgreSQL is killed repeatedly under load', async () => {
  const report = await runCrashTest({ kills: 3, databaseUrl: database.url });
  expect(report.problems).toEqual([]);
  expect(report.restarts).toBe(3);
  expect(report.unanswered).toBe(0);
  expect(report.acknowledged).toBeGreaterThan(0);
}, 600_000);
