import { expect, it } from 'vitest';
import { get, login, makeTestApp } from '../helpers/index';
import { draftCase, send } from '../engine/drive';

it('shows staff the application with the form labels and choice names, not raw keys and JSON', async () => {
  const { app, deps } = await makeTestApp();
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
  const s = await login(app, 'officer@demo.local');
  const html = await (await get(app, `/workbench/cases/${c.id}`, s.cookie)).text();
  const section = html.slice(html.indexOf('id="h-app"'), html.indexOf('</section>', html.indexOf('id="h-app"')));
  expect(section).toContain('<dt>项目名称</dt>');
  expect(section).toContain('职业技能培训');
  expect(section).toContain('<dt>海关商品编码</dt><dd>8471.30</dd>');
  expect(section).not.toContain('{&quot;');
  expect(section).not.toContain('<dt>projectName</dt>');
});
