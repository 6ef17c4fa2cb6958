// npm run backup with DATABASE_URL: pg_dump, then the checks on a copy restored into a scratch
// database, which is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { testConfig } from '../../src/config';
import { openPostgresDb } from '../../src/db/postgres';
import { backupPostgres } from '../../src/domain/backup/backup-postgres';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { draftCase, send } from '../engine/drive';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-pg-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('dumps the PostgreSQL database, restores it into a scratch database and checks the copy there', async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const deps: Deps = { db: await openPostgresDb(inject('pgUrl'), { schema }), config: testConfig(), clock: new FakeClock() };
  try {
    ensureReferenceData(deps.db);
    await seedDemoAccounts(deps);
    for (let i = 0; i < 2; i++) {
      const c = draftCase(deps, 'ent1@demo.local', 'exim-order-finance');
      send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
    }
    const file = join(dir, 'backup.dump');
    const report = await backupPostgres(inject('pgUrl'), file, schema);
    expect(report).toMatchObject({ integrity: 'ok', cases: 2, decisions: 0 });
    expect(report.chain.ok).toBe(true);
    expect(report.chain.checked).toBeGreaterThan(2);
    expect(report.bytes).toBeGreaterThan(1000);
    await expect(backupPostgres(inject('pgUrl'), file, schema)).rejects.toThrow(/exists/);
  } finally {
    deps.db.$client.close();
  }
}, 120_000);
