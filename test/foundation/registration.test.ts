import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { enterprises, users } from '../../src/db/schema/index';
import { formPost, get, makeTestApp, setCookies, type TestApp } from '../helpers/index';

const GOOD = {
  enterpriseName: '江西赣州承接电子有限公司',
  creditCode: '91310000MA1FL4B24G',
  province: '江西',
  city: '赣州',
  industry: 'electronics',
  customsCode: '3607960001',
  contactName: '黄磊',
  contactPhone: '0797-8000 1000',
  email: 'huang@example.cn',
  password: 'a-long-password-1',
};

describe('POST /register', () => {
  let t: TestApp;
  beforeEach(async () => { t = await makeTestApp(); });

  it('refuses a wrong check character with a clear message and keeps the other values', async () => {
    const res = await formPost(t.app, '/register', { ...GOOD, creditCode: '91310000MA1FL4B24H' });
    expect(res.status).toBe(422);
    const html = await res.text();
    // In the reader's language: Chinese here, English in the English view.
    expect(html).toContain('校验码不正确');
    expect(html).not.toContain('The check character is wrong');
    const en = await (await formPost(t.app, '/register', { ...GOOD, creditCode: '91310000MA1FL4B24H' }, { cookie: 'cj_lang=en' })).text();
    expect(en).toContain('The check character is wrong');
    expect(html).toContain(`value="${GOOD.enterpriseName}"`);
    expect(html).toContain(`value="${GOOD.customsCode}"`);
    expect(html).toContain(`value="${GOOD.email}"`);
    expect(html).toMatch(/<option value="江西" selected/);
    expect(html).not.toContain(GOOD.password);
    expect(setCookies(res).cj_session).toBeUndefined();
    expect(t.deps.db.select().from(enterprises).where(eq(enterprises.creditCode, '91310000MA1FL4B24H')).get()).toBeUndefined();
  });

  it('creates the enterprise and its applicant, signs them in and sends them to /portal', async () => {
    const res = await formPost(t.app, '/register', { ...GOOD, creditCode: GOOD.creditCode.toLowerCase() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
    const session = setCookies(res).cj_session;
    expect(session).toBeTruthy();

    const ent = t.deps.db.select().from(enterprises).where(eq(enterprises.creditCode, GOOD.creditCode)).get();
    expect(ent).toMatchObject({ name: GOOD.enterpriseName, province: '江西', industry: 'electronics' });
    const user = t.deps.db.select().from(users).where(eq(users.email, GOOD.email)).get();
    expect(user).toMatchObject({ role: 'applicant', enterpriseId: ent!.id });

    const portal = await get(t.app, '/portal', `cj_session=${session}`);
    expect(portal.status).toBe(200);
    const html = await portal.text();
    expect(html).toContain(GOOD.contactName);
    // The enterprise is named on its portal from the first page, before it has any case.
    expect(html).toContain(GOOD.enterpriseName);
  });

  it('refuses an email that is already registered', async () => {
    const res = await formPost(t.app, '/register', { ...GOOD, email: 'ent1@demo.local' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('该邮箱已注册');
    expect(t.deps.db.select().from(enterprises).where(eq(enterprises.creditCode, GOOD.creditCode)).get()).toBeUndefined();
  });

  it('refuses a credit code that is already registered', async () => {
    expect((await formPost(t.app, '/register', GOOD)).status).toBe(303);
    const res = await formPost(t.app, '/register', { ...GOOD, email: 'other@example.cn' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('该统一社会信用代码已注册');
    expect(t.deps.db.select().from(users).where(eq(users.email, 'other@example.cn')).get()).toBeUndefined();
  });

  it('refuses a registration from a foreign site', async () => {
    const res = await formPost(t.app, '/register', GOOD, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(t.deps.db.select().from(users).where(eq(users.email, GOOD.email)).get()).toBeUndefined();
  });
});
