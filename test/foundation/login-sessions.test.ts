import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../src/db/schema/index';
import { apiRequest, apiToken, DEMO_PASSWORD, formPost, get, login, makeTestApp, setCookies, type TestApp } from '../helpers/index';

const MINUTE = 60_000;

describe('login and logout', () => {
  let t: TestApp;
  beforeEach(async () => { t = await makeTestApp(); });

  it('signs in with the right password and lands on the desk', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    expect(s.location).toBe('/portal');
    expect(s.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect((await get(t.app, '/portal', s.cookie)).status).toBe(200);
  });

  it('accepts the email in another case', async () => {
    expect((await login(t.app, 'ENT1@Demo.Local')).location).toBe('/portal');
  });

  it('answers a wrong password with a 401 page and no session', async () => {
    const res = await formPost(t.app, '/login', { email: 'ent1@demo.local', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Wrong email or password');
    expect(html).toContain('value="ent1@demo.local"'); // the email is kept
    expect(setCookies(res).cj_session).toBeUndefined();
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await formPost(t.app, '/login', { email: 'nobody@demo.local', password: DEMO_PASSWORD });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Wrong email or password');
  });

  it('logs every attempt in the audit trail', async () => {
    await formPost(t.app, '/login', { email: 'ent1@demo.local', password: 'wrong-password' });
    await login(t.app, 'ent1@demo.local');
    const types = t.deps.db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.kind, 'auth')).all().map((r) => r.type);
    expect(types).toEqual(['login.failed', 'login.succeeded']);
  });

  it('follows a local `next` after login, never another site', async () => {
    const go = async (next: string) =>
      (await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD, next })).headers.get('location');
    expect(await go('/portal?tab=drafts')).toBe('/portal?tab=drafts');
    expect(await go('//evil.example/x')).toBe('/portal');
    expect(await go('https://evil.example/')).toBe('/portal');
    expect(await go('/\\evil.example')).toBe('/portal');
  });

  it('kills the session at logout: the old cookie no longer opens the desk', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    const res = await formPost(t.app, '/logout', {}, { cookie: s.cookie, csrf: s.csrf });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().join()).toMatch(/cj_session=;/); // cleared in the browser too
    const after = await get(t.app, '/portal', s.cookie);
    expect(after.status).toBe(401);
  });

  it('gives a new session id at login (no fixation)', async () => {
    const first = await login(t.app, 'ent1@demo.local');
    // Signing in again while holding a session (or a planted cookie) yields a fresh id...
    const res = await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { cookie: first.cookie, csrf: first.csrf });
    expect(res.status).toBe(303);
    const second = setCookies(res).cj_session;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first.sessionId);
    // ...and the id held before stops working.
    expect((await get(t.app, '/portal', first.cookie)).status).toBe(401);
    expect((await get(t.app, '/portal', `cj_session=${second}`)).status).toBe(200);

    const planted = 'attacker-chosen-session-id-aaaaaaaaaaaaaaaaa';
    const res2 = await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { cookie: `cj_session=${planted}` });
    expect(res2.status).toBe(303);
    expect(setCookies(res2).cj_session).not.toBe(planted);
    expect((await get(t.app, '/portal', `cj_session=${planted}`)).status).toBe(401);
  });
});

describe('session expiry (SESSION_IDLE_MINUTES=30, SESSION_ABSOLUTE_HOURS=12)', () => {
  let t: TestApp;
  beforeEach(async () => { t = await makeTestApp(); });

  it('ends a session left idle for longer than the idle timeout', async () => {
    const s = await login(t.app, 'officer@demo.local');
    t.clock.advance(29 * MINUTE);
    expect((await get(t.app, '/workbench', s.cookie)).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await get(t.app, '/workbench', s.cookie)).status).toBe(401);
  });

  it('keeps an active session alive past the idle timeout, but not past the absolute one', async () => {
    const s = await login(t.app, 'officer@demo.local');
    for (let elapsed = 0; elapsed < 11.5 * 60; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await get(t.app, '/workbench', s.cookie)).status).toBe(200);
    }
    // 11h40m so far; 25 more minutes is within the idle timeout but past the absolute one.
    t.clock.advance(25 * MINUTE);
    expect((await get(t.app, '/workbench', s.cookie)).status).toBe(401);
  });
});

describe('disabled users', () => {
  it('are cut off at once and cannot sign in again', async () => {
    const t = await makeTestApp();
    const officer = await login(t.app, 'officer@demo.local');
    const token = await apiToken(t.app, 'officer@demo.local');
    const admin = await login(t.app, 'admin@demo.local');
    const id = t.deps.db.select().from(users).where(eq(users.email, 'officer@demo.local')).get()!.id;

    const res = await formPost(t.app, `/admin/users/${id}/disable`, {}, { cookie: admin.cookie, csrf: admin.csrf });
    expect(res.status).toBe(303);
    expect((await get(t.app, '/workbench', officer.cookie)).status).toBe(401);
    expect((await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, token)).status).toBe(401);
    const again = await formPost(t.app, '/login', { email: 'officer@demo.local', password: DEMO_PASSWORD });
    expect(again.status).toBe(401);
    expect(setCookies(again).cj_session).toBeUndefined();

    await expect(apiToken(t.app, 'officer@demo.local')).rejects.toThrow(/401/);

    await formPost(t.app, `/admin/users/${id}/enable`, {}, { cookie: admin.cookie, csrf: admin.csrf });
    expect((await login(t.app, 'officer@demo.local')).location).toBe('/workbench');
  });
});

describe('login throttling', () => {
  it('refuses an account with 429 after 10 failures in 15 minutes, leaves others alone, and lifts after 15 minutes', async () => {
    const t = await makeTestApp();
    for (let i = 0; i < 10; i++) {
      const res = await formPost(t.app, '/login', { email: 'ent2@demo.local', password: `wrong-${i}-password` });
      expect(res.status).toBe(401);
    }
    const blocked = await formPost(t.app, '/login', { email: 'ent2@demo.local', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Too many failed attempts');
    expect(setCookies(blocked).cj_session).toBeUndefined();

    expect((await login(t.app, 'ent1@demo.local')).location).toBe('/portal');

    t.clock.advance(14 * MINUTE);
    expect((await formPost(t.app, '/login', { email: 'ent2@demo.local', password: DEMO_PASSWORD })).status).toBe(429);
    t.clock.advance(15 * MINUTE + 1000);
    expect((await login(t.app, 'ent2@demo.local')).location).toBe('/portal');
  });

  it('answers wrong passwords from an address with 429 after 50 failures over many accounts, but still lets a right password in', async () => {
    const t = await makeTestApp();
    const attacker = '203.0.113.7';
    for (let i = 0; i < 50; i++) {
      const res = await formPost(t.app, '/login', { email: `guess${i}@demo.local`, password: 'password1' }, { address: attacker });
      expect(res.status).toBe(401);
    }
    const blocked = await formPost(t.app, '/login', { email: 'ent2@demo.local', password: 'password1' }, { address: attacker });
    expect(blocked.status).toBe(429);
    // Behind a NAT or proxy everyone shares the address: other accounts' right passwords still work.
    const sameAddress = await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { address: attacker });
    expect(sameAddress.status).toBe(303);
    const elsewhere = await formPost(t.app, '/login', { email: 'ent1@demo.local', password: DEMO_PASSWORD }, { address: '198.51.100.2' });
    expect(elsewhere.status).toBe(303);
  });
});
