import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, writeTx, type Db } from '../../src/db/client';
import { auditEvents, enterprises, users } from '../../src/db/schema/index';
import { appendAudit } from '../../src/domain/audit/append-audit';
import { DEMO_USERS, seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { testConfig } from '../../src/config';
import { FakeClock } from '../../src/domain/deps';
import { get, makeTestApp } from '../helpers/index';

const EXPECTED_TABLES = ['api_tokens', 'audit_events', 'cases', 'decisions', 'documents', 'enterprises', 'institutions', 'login_attempts', 'programmes', 'sessions', 'users'];

/** The demo accounts API.md promises. */
const API_MD_ACCOUNTS = ['ent1', 'ent2', 'officer', 'expert1', 'expert2', 'approver', 'cdb', 'exim', 'sinosure', 'auditor', 'admin'].map((n) => `${n}@demo.local`);

const tables = (db: Db): string[] =>
  db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").pluck().all() as string[];
const count = (db: Db, table: typeof users | typeof enterprises): number => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

describe('database', () => {
  const dirs: string[] = [];
  const opened: Db[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cj-db-'));
    dirs.push(dir);
    return join(dir, 'nested', 'app.db');
  };
  const open = (path: string) => { const db = openDatabase(path); opened.push(db); return db; };
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.$client.open) db.$client.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('applies the migrations to an empty file, with WAL, synchronous=FULL and foreign keys', () => {
    const db = open(tempFile());
    expect(tables(db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.$client.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
  });

  it('is idempotent: opening the same file again applies nothing twice and keeps the data', async () => {
    const path = tempFile();
    const first = open(path);
    const applied = first.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBeGreaterThan(0);
    ensureReferenceData(first);
    await seedDemoAccounts({ db: first, config: testConfig(), clock: new FakeClock() });
    first.$client.close();

    const second = open(path);
    expect(second.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(applied);
    expect(tables(second)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    expect(count(second, users)).toBe(DEMO_USERS.length);
  });

  it('refuses UPDATE and DELETE on audit_events (append-only)', () => {
    const db = open(':memory:');
    writeTx(db, (tx) => appendAudit(tx, { at: '2026-03-02T09:00:00.000Z', kind: 'admin', actorName: 'test', actorRole: 'system', type: 'test.event' }));
    expect(() => db.$client.prepare("UPDATE audit_events SET type = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(db.select().from(auditEvents).all()).toMatchObject([{ type: 'test.event' }]);
  });

  it('creates the demo accounts once (every demo user, 2 enterprises)', async () => {
    const deps = { db: open(':memory:'), config: testConfig(), clock: new FakeClock() };
    ensureReferenceData(deps.db);
    expect(await seedDemoAccounts(deps)).toBe(true);
    expect(await seedDemoAccounts(deps)).toBe(false);
    expect(count(deps.db, users)).toBe(DEMO_USERS.length);
    expect(count(deps.db, enterprises)).toBe(2);
    const emails = deps.db.select({ email: users.email }).from(users).all().map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(API_MD_ACCOUNTS));
    const roles = deps.db.select({ role: users.role, n: sql<number>`count(*)` }).from(users).groupBy(users.role).all();
    expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual({
      applicant: 2, officer: 2, expert: 2, approver: 2, finance: 2, liaison: 6, auditor: 1, admin: 1,
    });
  });

  it('stores no password in clear: scrypt hashes with the configured cost', async () => {
    const deps = { db: open(':memory:'), config: testConfig(), clock: new FakeClock() };
    ensureReferenceData(deps.db);
    await seedDemoAccounts(deps);
    const hashes = deps.db.select({ h: users.passwordHash }).from(users).all().map((r) => r.h);
    for (const h of hashes) expect(h).toMatch(/^scrypt\$10\$8\$3\$/);
    expect(new Set(hashes).size).toBe(hashes.length); // salted
  });
});

describe('GET /healthz', () => {
  it('answers 200 {"ok":true}', async () => {
    const { app } = await makeTestApp({ demo: false });
    const res = await get(app, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
