import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { verifyAuditChain } from '../../src/domain/audit/verify-audit-chain';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { draftCase, send } from './drive';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWorker(args: string[]): Promise<{ ok: boolean; version?: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'race-worker.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker exit ${code}`))));
  });
}

it('lets exactly one of many simultaneous events on one version through, across processes', async () => {
  const dbPath = join(dir, 'race.db');
  const deps: Deps = { db: openDatabase(dbPath), config: testConfig({ DATABASE_PATH: dbPath }), clock: new FakeClock(new Date()) };
  ensureReferenceData(deps.db);
  await seedDemoAccounts(deps);
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
  const before = getCaseRow(deps, c.id)!;
  const auditBefore = verifyAuditChain(deps.db).checked;

  const startAt = Date.now() + 2500; // after every worker has loaded
  const workers = 6;
  const results = await Promise.all(Array.from({ length: workers }, (_, i) =>
    runWorker([dbPath, String(c.id), String(before.version), String(startAt), i % 2 ? 'officer.accept' : 'officer.return', JSON.stringify(i % 2 ? {} : { reason: `补充材料 ${i}` })])));

  const accepted = results.filter((r) => r.ok);
  expect(accepted).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => r.code === 'VERSION_CONFLICT')).toBe(true);
  const after = getCaseRow(deps, c.id)!;
  expect(after.version).toBe(before.version + 1);
  const chain = verifyAuditChain(deps.db);
  expect(chain.ok).toBe(true);
  expect(chain.checked).toBe(auditBefore + 1); // one audit row for the one accepted event
  const events = deps.db.$client.prepare("select count(*) n from audit_events where case_id = ? and kind = 'event'").get(c.id) as { n: number };
  expect(events.n).toBe(after.version - 1);
}, 60_000);
