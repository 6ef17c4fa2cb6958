import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index';
import { formPost, get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';

const NEW_OFFICER = { name: '新官员', email: 'new.officer@demo.local', role: 'officer', institutionCode: '', password: 'officer-pass-2026' };

describe('CSRF protection of form routes', () => {
  let t: TestApp;
  let admin: Session;
  const created = () => t.deps.db.select().from(users).where(eq(users.email, NEW_OFFICER.email)).get();

  beforeEach(async () => {
    t = await makeTestApp();
    admin = await login(t.app, 'admin@demo.local');
  });

  it('refuses a POST from a foreign Origin, even with the token', async () => {
    const res = await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie, csrf: admin.csrf, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(created()).toBeUndefined();
  });

  it('refuses a POST without Origin (or Sec-Fetch-Site)', async () => {
    const res = await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie, csrf: admin.csrf, origin: null });
    expect(res.status).toBe(403);
    expect(created()).toBeUndefined();
  });

  it('refuses a signed-in POST from our origin without the _csrf token', async () => {
    const res = await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie });
    expect(res.status).toBe(403);
    expect(created()).toBeUndefined();
  });

  it('refuses a wrong token, and another session\'s token', async () => {
    expect((await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie, csrf: 'x'.repeat(43) })).status).toBe(403);
    const other = await login(t.app, 'auditor@demo.local');
    expect((await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie, csrf: other.csrf })).status).toBe(403);
    expect(created()).toBeUndefined();
  });

  it('accepts the token in the form field or in the X-CSRF-Token header (htmx)', async () => {
    const res = await formPost(t.app, '/admin/users', NEW_OFFICER, { cookie: admin.cookie, csrf: admin.csrf });
    expect(res.status).toBe(200);
    expect(created()).toMatchObject({ role: 'officer' });

    const viaHeader = await t.app.request('/logout', {
      method: 'POST',
      headers: { cookie: admin.cookie, origin: 'http://localhost:3000', 'x-csrf-token': admin.csrf, 'hx-request': 'true' },
    });
    expect(viaHeader.status).toBe(303);
    expect((await get(t.app, '/admin/users', admin.cookie)).status).toBe(401);
  });

  it('refuses a logout without the token (the session survives)', async () => {
    expect((await formPost(t.app, '/logout', {}, { cookie: admin.cookie })).status).toBe(403);
    expect((await get(t.app, '/admin/users', admin.cookie)).status).toBe(200);
  });
});
