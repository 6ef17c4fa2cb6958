import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index';
import { DEMO_PASSWORD, formPost, get, login, makeTestApp, setCookies, type Session, type TestApp } from '../helpers/index';

describe('admin: users', () => {
  let t: TestApp;
  let admin: Session;
  const userByEmail = (email: string) => t.deps.db.select().from(users).where(eq(users.email, email)).get();
  const post = (path: string, fields: Record<string, string> = {}) => formPost(t.app, path, fields, { cookie: admin.cookie, csrf: admin.csrf });

  beforeEach(async () => {
    t = await makeTestApp();
    admin = await login(t.app, 'admin@demo.local');
  });

  it('lists every user', async () => {
    const res = await get(t.app, '/admin/users', admin.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const email of ['ent1@demo.local', 'officer@demo.local', 'sinosure@demo.local', 'admin@demo.local']) expect(html).toContain(email);
  });

  it('creates an officer (commerce department) who can sign in', async () => {
    const res = await post('/admin/users', { name: '新官员', email: 'Officer2@Demo.Local', role: 'officer', institutionCode: '', password: 'officer-pass-2026' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('officer2@demo.local');
    expect(userByEmail('officer2@demo.local')).toMatchObject({ role: 'officer', institutionCode: 'COMMERCE', enterpriseId: null });
    expect((await login(t.app, 'officer2@demo.local', 'officer-pass-2026')).location).toBe('/workbench');
  });

  it('creates a liaison bound to an institution', async () => {
    const res = await post('/admin/users', { name: '新联络员', email: 'exim.new@demo.local', role: 'liaison', institutionCode: 'EXIM', password: 'liaison-pass-2026' });
    expect(res.status).toBe(200);
    expect(userByEmail('exim.new@demo.local')).toMatchObject({ role: 'liaison', institutionCode: 'EXIM' });
  });

  it('refuses a liaison without an institution, with a field error and the values kept', async () => {
    const res = await post('/admin/users', { name: '无机构', email: 'loose@demo.local', role: 'liaison', institutionCode: '', password: 'liaison-pass-2026' });
    expect(res.status).toBe(422);
    const html = await res.text();
    // The Chinese view shows the rule in Chinese, naming the institutions that fit.
    expect(html).toMatch(/<p class="field-error" id="f-institutionCode-err">联络员须绑定一家金融机构：[^<]*国开行/);
    expect(html).toContain('value="loose@demo.local"');
    expect(html).not.toContain('liaison-pass-2026');
    expect(userByEmail('loose@demo.local')).toBeUndefined();
  });

  it('refuses a duplicate email and a short password', async () => {
    const dup = await post('/admin/users', { name: 'X', email: 'officer@demo.local', role: 'auditor', password: 'long-enough-pw' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toMatch(/id="f-email-err">该邮箱已存在</);
    const short = await post('/admin/users', { name: 'X', email: 'short@demo.local', role: 'auditor', password: 'short' });
    expect(short.status).toBe(422);
    expect(userByEmail('short@demo.local')).toBeUndefined();
  });

  it('disables a user', async () => {
    const id = userByEmail('expert1@demo.local')!.id;
    const res = await post(`/admin/users/${id}/disable`);
    expect(res.status).toBe(303);
    expect(userByEmail('expert1@demo.local')!.disabledAt).not.toBeNull();
    const refused = await formPost(t.app, '/login', { email: 'expert1@demo.local', password: DEMO_PASSWORD });
    expect(refused.status).toBe(401);
    // The holder of the right password is told why; a wrong password learns nothing more.
    expect(await refused.text()).toContain('此账户已停用');
    const guessed = await formPost(t.app, '/login', { email: 'expert1@demo.local', password: 'not-the-password' });
    expect(await guessed.text()).not.toContain('停用');
  });

  it('does not let an admin disable their own account', async () => {
    const id = userByEmail('admin@demo.local')!.id;
    expect((await post(`/admin/users/${id}/disable`)).status).toBe(422);
    const html = await (await get(t.app, '/admin/users', admin.cookie)).text();
    const ownRow = html.match(new RegExp(`<tr id="user-${id}">[\\s\\S]*?</tr>`))![0];
    expect(ownRow).not.toContain(`/admin/users/${id}/disable`);
    expect(html).toContain(`/admin/users/${userByEmail('officer@demo.local')!.id}/disable`);
  });

  it('resets a password: the old one stops working, the new one works, old sessions end', async () => {
    const approver = await login(t.app, 'approver@demo.local');
    const id = userByEmail('approver@demo.local')!.id;
    const res = await post(`/admin/users/${id}/password`, { password: 'fresh-pass-2026' });
    expect(res.status).toBe(200);
    const old = await formPost(t.app, '/login', { email: 'approver@demo.local', password: DEMO_PASSWORD });
    expect(old.status).toBe(401);
    expect(setCookies(old).cj_session).toBeUndefined();
    expect((await get(t.app, '/workbench', approver.cookie)).status).toBe(401);
    expect((await login(t.app, 'approver@demo.local', 'fresh-pass-2026')).location).toBe('/workbench');
  });

  it('answers 404 for an unknown user id', async () => {
    expect((await post('/admin/users/99999/disable')).status).toBe(404);
    expect((await post('/admin/users/abc/disable')).status).toBe(404);
  });
});

describe('admin pages are for admins only', () => {
  it('gives a non-admin 403 and changes nothing', async () => {
    const t = await makeTestApp();
    for (const email of ['officer@demo.local', 'auditor@demo.local', 'ent1@demo.local']) {
      const s = await login(t.app, email);
      const page = await get(t.app, '/admin/users', s.cookie);
      expect(page.status).toBe(403);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const post = await formPost(t.app, '/admin/users', { name: 'X', email: 'sneak@demo.local', role: 'admin', password: 'sneaky-pass-1' }, { cookie: s.cookie, csrf: s.csrf });
      expect(post.status).toBe(403);
    }
    expect(t.deps.db.select().from(users).where(eq(users.email, 'sneak@demo.local')).get()).toBeUndefined();
  });

  it('gives an anonymous visitor the 401 page', async () => {
    const t = await makeTestApp();
    const res = await get(t.app, '/admin/users');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect((await formPost(t.app, '/admin/users', { name: 'X', email: 'anon@demo.local', role: 'admin', password: 'anon-pass-123' })).status).toBe(401);
  });
});
