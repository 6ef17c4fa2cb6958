// The scheduler's lease: two app servers on one database (a SQLite file, or with TEST_DB=postgres
// one PostgreSQL schema, each server on its own connection) never both hold it; when the holder
// stops renewing, the other takes it over once it has expired, and the trail says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { testConfig } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/client';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { openPostgresDb } from '../../src/db/postgres';
import { leaseKeeper, takeLease } from '../../src/domain/setup/lease';
import { onPostgres } from '../helpers/test-db';

const TTL = 30_000;
let dir: string;
const open: Db[] = [];

async function twoServers(): Promise<{ a: Deps; b: Deps; clock: FakeClock }> {
  dir = mkdtempSync(join(tmpdir(), 'lease-'));
  const clock = new FakeClock();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const server = async (): Promise<Deps> => {
    const db = onPostgres ? await openPostgresDb(inject('pgUrl'), { schema }) : openDatabase(join(dir, 'app.db'));
    open.push(db);
    return { db, config: testConfig(), clock };
  };
  return { a: await server(), b: await server(), clock };
}

afterEach(() => {
  for (const db of open.splice(0)) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const takeovers = (db: Db) =>
  db.$client.prepare("select comment from audit_events where type = 'lease.taken' order by id").pluck().all() as string[];

describe('a lease in the database', () => {
  it('is held by one server at a time and passes on only after it expires', async () => {
    const { a, b, clock } = await twoServers();
    expect(takeLease(a, 'scheduler', TTL, 'server-a')).toBe(true);
    expect(takeLease(b, 'scheduler', TTL, 'server-b')).toBe(false);
    clock.advance(TTL - 1);
    expect(takeLease(b, 'scheduler', TTL, 'server-b')).toBe(false);
    expect(takeLease(a, 'scheduler', TTL, 'server-a')).toBe(true); // renewed: another TTL from now
    clock.advance(TTL - 1);
    expect(takeLease(b, 'scheduler', TTL, 'server-b')).toBe(false);
    clock.advance(2); // a stopped renewing: its lease has run out
    expect(takeLease(b, 'scheduler', TTL, 'server-b')).toBe(true);
    expect(takeLease(a, 'scheduler', TTL, 'server-a')).toBe(false);
    expect(takeovers(a.db)).toEqual(['定时事件 / Timed events: server-a', '定时事件 / Timed events: server-b']);
  });

  it('keeps separate leases apart', async () => {
    const { a, b } = await twoServers();
    expect(takeLease(a, 'scheduler', TTL, 'server-a')).toBe(true);
    expect(takeLease(b, 'webhooks', TTL, 'server-b')).toBe(true);
    expect(takeLease(b, 'scheduler', TTL, 'server-b')).toBe(false);
  });

  it("is kept by the holder's loop, which stops once another server has taken it over", async () => {
    const { a, b, clock } = await twoServers();
    const keeperA = leaseKeeper(a, 'scheduler', TTL, 'server-a');
    const keeperB = leaseKeeper(b, 'scheduler', TTL, 'server-b');
    expect(keeperA.held()).toBe(true);
    expect(keeperB.held()).toBe(false);
    for (let i = 0; i < 10; i++) {
      clock.advance(TTL / 3); // a keeps renewing, well before expiry
      expect(keeperA.held()).toBe(true);
      expect(keeperB.held()).toBe(false);
    }
    clock.advance(TTL + 1); // a hangs past its lease
    expect(keeperB.held()).toBe(true);
    expect(keeperA.held()).toBe(false);
  });
});
