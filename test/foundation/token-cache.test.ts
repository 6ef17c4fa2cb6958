// Bearer tokens are served from a per-process cache; it must follow every change made by this
// process or by another one on the same database (a second server): a revocation, a disabled
// account, a changed user, and the token's own expiry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { issueApiToken, revokeApiToken, userForApiToken } from '../../src/domain/auth/api-tokens';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { apiRequest } from '../helpers/index';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('drops a cached token at once when any process revokes it, disables or changes its user, or it expires', async () => {
  const path = join(dir, 't.db');
  const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
  const a: Deps = { db: openDatabase(path), config: testConfig(), clock };
  ensureReferenceData(a.db);
  await seedDemoAccounts(a);
  const b: Deps = { db: openDatabase(path), config: testConfig(), clock }; // another server process
  const app = createApp(a);
  const id = (email: string) => (a.db.$client.prepare('select id from users where email = ?').get(email) as { id: number }).id;
  const status = async (token: string) => (await apiRequest(app, 'GET', '/api/v1/programmes', undefined, token)).status;

  // Revoked by the other process after this one cached it.
  const cdb = id('cdb@demo.local');
  const t1 = issueApiToken(a, cdb).token;
  expect(await status(t1)).toBe(200);
  expect(await status(t1)).toBe(200); // served from the cache
  expect(revokeApiToken(b, cdb, t1)).toBe(true);
  expect(await status(t1)).toBe(401);

  // The user disabled by the other process.
  const t2 = issueApiToken(a, cdb).token;
  expect(await status(t2)).toBe(200);
  b.db.$client.prepare("update users set disabled_at = '2026-03-02T01:00:00.000Z' where id = ?").run(cdb);
  expect(await status(t2)).toBe(401);

  // The user changed (name, role) by the other process: the next lookup reads the new user.
  const exim = id('exim@demo.local');
  const t3 = issueApiToken(a, exim).token;
  expect(userForApiToken(a, t3)?.name).not.toBe('新名字');
  b.db.$client.prepare("update users set name = '新名字', role = 'approver' where id = ?").run(exim);
  expect(userForApiToken(a, t3)).toMatchObject({ name: '新名字', role: 'approver' });

  // Expiry is checked on every hit, without any write.
  const t4 = issueApiToken(a, id('sinosure@demo.local')).token;
  expect(await status(t4)).toBe(200);
  clock.advance(31 * 86_400_000);
  expect(await status(t4)).toBe(401);

  a.db.$client.close();
  b.db.$client.close();
});
