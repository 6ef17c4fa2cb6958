import { expect, it } from 'vitest';
import { makeTestApp } from '../helpers/index';
import { workflows } from '../../workflows/index';

it('renders the home page through hono/jsx with the doctype and every programme of the registry', async () => {
  const { app } = await makeTestApp({ demo: false });
  const res = await app.request('/');
  const html = await res.text();
  expect(res.status).toBe(200);
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain('承接转移专项资金');
  expect((html.match(/<article/g) ?? []).length).toBe(Object.keys(workflows).length);
  expect(html).toContain('就业培训补贴');
});
