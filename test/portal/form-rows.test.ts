import { expect, it } from 'vitest';
import { formPost, get, login, makeTestApp } from '../helpers/index';
import { expectValidHtml } from './portal-helpers';
import { draftCase } from '../engine/drive';

const productRows = (html: string) => new Set([...html.matchAll(/name="products\.(\d+)\.hsCode"/g)].map((m) => m[1])).size;

it('"add a row" saves the form and comes back with more empty rows in that list', async () => {
  const { app, deps } = await makeTestApp();
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  const s = await login(app, 'ent1@demo.local');
  const page = await (await get(app, `/portal/cases/${c.id}/form`, s.cookie)).text();
  const saved = productRows(page);
  expect(page).toContain('name="_more" value="products:1"');

  // Post back every filled input, as a browser does, with one field changed.
  const fields = Object.fromEntries([...page.matchAll(/<input[^>]*name="([^"_][^"]*)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const res = await formPost(app, `/portal/cases/${c.id}/form`, { ...fields, purpose: '新的用途 new purpose', _more: 'products:1' }, { cookie: s.cookie, csrf: s.csrf });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/portal/cases/${c.id}/form?more=products%3A1`);
  const more = await (await get(app, res.headers.get('location')!, s.cookie)).text();
  expect(productRows(more)).toBe(saved + 1);
  expect(more).toContain('新的用途 new purpose'); // the click saved what was typed
  expect(more).toContain('name="_more" value="products:2"');
  await expectValidHtml(more, 'form with more rows');

  // Through htmx the same click answers with a redirect htmx follows.
  const hx = await app.request(`/portal/cases/${c.id}/form`, {
    method: 'POST', body: new URLSearchParams({ _csrf: s.csrf, _more: 'products:2' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie, origin: 'http://localhost:3000', 'hx-request': 'true' },
  });
  expect(hx.headers.get('hx-redirect')).toBe(`/portal/cases/${c.id}/form?more=products%3A2`);
  // A forged value is ignored, not an error.
  const forged = await get(app, `/portal/cases/${c.id}/form?more=${encodeURIComponent('<x>:99')}`, s.cookie);
  expect(forged.status).toBe(200);
});

it('shows the choices of a form by name in the reader language, not by code', async () => {
  const { app, deps } = await makeTestApp();
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  const s = await login(app, 'ent1@demo.local');
  const zh = await (await get(app, `/portal/cases/${c.id}/form`, s.cookie)).text();
  expect(zh).toMatch(/<option value="skills-training"[^>]*>职业技能培训<\/option>/);
  const switched = await formPost(app, '/lang', { lang: 'en' }, { cookie: s.cookie, csrf: s.csrf });
  const lang = switched.headers.getSetCookie().find((l) => l.startsWith('cj_lang='))!.split(';')[0];
  const en = await (await get(app, `/portal/cases/${c.id}/form`, `${s.cookie}; ${lang}`)).text();
  expect(en).toMatch(/<option value="skills-training"[^>]*>Staff skills training<\/option>/);
});
