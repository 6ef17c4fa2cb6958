// Registration and accepting an invitation end the browser's existing session first.
import { expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index';
import { formPost, get, login, makeTestApp, setCookies } from '../helpers/index';

const GOOD = {
  enterpriseName: '江西赣州承接电子有限公司', creditCode: '91310000MA1FL4B24G', province: '江西', city: '赣州', industry: 'electronics',
  customsCode: '3607960001', contactName: '黄磊', contactPhone: '0797-8000 1000', email: 'huang@example.cn', password: 'a-long-password-1',
};

it('a signed-in user who registers an enterprise is signed out of the old account first: its session no longer works', async () => {
  const t = await makeTestApp();
  const officer = await login(t.app, 'officer@demo.local');
  const before = t.deps.db.select().from(sessions).all().length;
  const res = await formPost(t.app, '/register', GOOD, { cookie: officer.cookie, csrf: officer.csrf });
  expect(res.status).toBe(303);
  expect(setCookies(res).cj_session).toBeTruthy();
  expect((await get(t.app, '/workbench', officer.cookie)).status).not.toBe(200);
  expect(t.deps.db.select().from(sessions).all().length).toBe(before); // one ended, one begun
});
