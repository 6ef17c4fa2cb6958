import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { backupDatabase } from '../../src/domain/backup/backup-database';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { draftCase, send } from '../engine/drive';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('an online backup restores every case and decision, and its checks pass', async () => {
  const dbPath = join(dir, 'live.db');
  const deps: Deps = { db: openDatabase(dbPath), config: testConfig({ DATABASE_PATH: dbPath }), clock: new FakeClock() };
  ensureReferenceData(deps.db);
  await seedDemoAccounts(deps);
  for (let i = 0; i < 3; i++) {
    const c = draftCase(deps, 'ent1@demo.local', 'exim-order-finance');
    send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
    send(deps, 'exim@demo.local', c.id, 'liaison.decline', { reason: `订单无法核实 ${i}` });
  }
  draftCase(deps, 'ent2@demo.local', 'special-fund');
  await renderPendingDecisions(deps);
  const live = deps.db.$client;
  const cases = live.prepare('select id, reference, version, state from cases order by id').all();
  const decisions = live.prepare('select id, number, pdf_sha256 from decisions order by id').all() as { pdf_sha256: string | null }[];
  expect(decisions).toHaveLength(3);
  expect(decisions.every((d) => d.pdf_sha256)).toBe(true);

  const file = join(dir, 'backup.db');
  const report = await backupDatabase(live, file);
  expect(report).toMatchObject({ integrity: 'ok', cases: 4, decisions: 3 });
  expect(report.chain.ok).toBe(true);
  await expect(backupDatabase(live, file)).rejects.toThrow(/exists/);

  // Restore: the backup file becomes the database the server opens.
  const restored: Deps = { db: openDatabase(file), config: testConfig({ DATABASE_PATH: file }), clock: new FakeClock() };
  expect(restored.db.$client.prepare('select id, reference, version, state from cases order by id').all()).toEqual(cases);
  expect(restored.db.$client.prepare('select id, number, pdf_sha256 from decisions order by id').all()).toEqual(decisions);
  const app = createApp(restored);
  expect((await app.request('/healthz')).status).toBe(200);
});
