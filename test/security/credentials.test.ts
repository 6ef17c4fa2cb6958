// Login throttling that holds under concurrency, an address limit that does not lock out other
// people behind the same proxy, TRUST_PROXY, and credentials that end with a reset or a disable.
import { and, eq, like } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index';
import { userIdOf } from './fixture';
import { apiRequest, apiToken, DEMO_PASSWORD, formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

const tokenWorks = async (token: string) => (await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, token)).status === 200;

it('40 concurrent wrong passwords for one account get at most 10 answers of 401, the rest 429', async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, async () =>
    (await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'ent1@demo.local', password: 'wrong-password' })).status));
  expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
  expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
  expect(answers.every((s) => s === 401 || s === 429)).toBe(true);
});

it('an address over its limit does not lock out the right passwords of other accounts; refusals do not extend the lock', async () => {
  const shared = '203.0.113.9'; // a proxy or NAT everyone comes through
  for (let i = 0; i < 60; i++) await formPost(t.app, '/login', { email: `guess${i}@demo.local`, password: 'nope-nope' }, { address: shared });
  expect((await formPost(t.app, '/login', { email: 'ent2@demo.local', password: 'nope-nope' }, { address: shared })).status).toBe(429);
  expect((await formPost(t.app, '/login', { email: 'officer@demo.local', password: DEMO_PASSWORD }, { address: shared })).status).toBe(303);
  // The account limit still holds for the account attacked, and ends when the window has passed
  // even though refused attempts kept arriving.
  for (let i = 0; i < 15; i++) await formPost(t.app, '/login', { email: 'ent1@demo.local', password: 'nope-nope' }, { address: '198.51.100.4' });
  expect((await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { address: '198.51.100.4' })).status).toBe(429);
  t.clock.advance(16 * 60_000);
  expect((await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { address: '198.51.100.4' })).status).toBe(303);
});

it('TRUST_PROXY=0 ignores X-Forwarded-For; TRUST_PROXY=1 believes the proxy’s entry, not what the client put before it', async () => {
  const post = (app: TestApp['app'], xff: string) => app.request('/api/v1/tokens', {
    method: 'POST', body: JSON.stringify({ email: `x${Math.random()}@demo.local`, password: 'nope-nope' }),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
  }, { incoming: { socket: { remoteAddress: '10.0.0.1' } } });
  const ips = (db: TestApp['deps']['db']) => db.select().from(auditEvents).where(eq(auditEvents.type, 'login.failed')).all().map((r) => (JSON.parse(r.data!) as { ip: string }).ip);
  await post(t.app, '198.51.100.77');
  expect(ips(t.deps.db)).toEqual(['10.0.0.1']);
  const proxied = await makeTestApp({ config: { TRUST_PROXY: '1' } });
  await post(proxied.app, '1.2.3.4, 198.51.100.77');
  expect(ips(proxied.deps.db)).toEqual(['198.51.100.77']);
});

it('a password reset ends every session and bearer token of the user', async () => {
  const token = await apiToken(t.app, 'officer@demo.local');
  const session = await login(t.app, 'officer@demo.local');
  const admin = await login(t.app, 'admin@demo.local');
  const res = await formPost(t.app, `/admin/users/${userIdOf(t, 'officer@demo.local')}/password`, { password: 'a-new-pass-2026' }, { cookie: admin.cookie, csrf: admin.csrf });
  expect(res.status).toBeLessThan(400);
  expect(await tokenWorks(token)).toBe(false);
  expect((await get(t.app, '/workbench', session.cookie)).status).not.toBe(200);
});

it('disabling ends every token; enabling again does not revive them', async () => {
  const token = await apiToken(t.app, 'officer@demo.local');
  const admin = await login(t.app, 'admin@demo.local');
  const id = userIdOf(t, 'officer@demo.local');
  await formPost(t.app, `/admin/users/${id}/disable`, {}, { cookie: admin.cookie, csrf: admin.csrf });
  expect(await tokenWorks(token)).toBe(false);
  await formPost(t.app, `/admin/users/${id}/enable`, {}, { cookie: admin.cookie, csrf: admin.csrf });
  expect(await tokenWorks(token)).toBe(false);
  expect(await tokenWorks(await apiToken(t.app, 'officer@demo.local'))).toBe(true); // a fresh sign-in works
});

it('anonymous failed logins from one address write at most the anonymous budget of audit rows', async () => {
  for (let i = 0; i < 80; i++) await formPost(t.app, '/login', { email: `flood${i}@demo.local`, password: 'nope-nope' }, { address: '192.0.2.50' });
  const rows = t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'auth'), like(auditEvents.data, '%192.0.2.50%'))).all();
  expect(rows.length).toBeLessThanOrEqual(30);
  expect(rows.length).toBeGreaterThan(0);
});
