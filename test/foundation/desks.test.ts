import { describe, expect, it } from 'vitest';
import { get, login, makeTestApp } from '../helpers/index';

const DESKS: [string, string][] = [
  ['ent1@demo.local', '/portal'],
  ['ent2@demo.local', '/portal'],
  ['officer@demo.local', '/workbench'],
  ['expert1@demo.local', '/workbench'],
  ['expert2@demo.local', '/workbench'],
  ['approver@demo.local', '/workbench'],
  ['finance@demo.local', '/workbench'],
  ['finance2@demo.local', '/workbench'],
  ['cdb@demo.local', '/workbench'],
  ['exim@demo.local', '/workbench'],
  ['sinosure@demo.local', '/workbench'],
  ['cdb2@demo.local', '/workbench'],
  ['hr@demo.local', '/workbench'],
  ['hr2@demo.local', '/workbench'],
  ['auditor@demo.local', '/audit'],
  ['admin@demo.local', '/admin/users'],
];

describe('each role lands on its desk', () => {
  it.each(DESKS)('%s → %s', async (email, desk) => {
    const { app } = await makeTestApp();
    const s = await login(app, email);
    expect(s.location).toBe(desk);
    const res = await get(app, desk, s.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<!doctype html>');
    expect(html).toMatch(/<h1[^>]*>/);
    expect(html).toContain('action="/logout"');
    // /login sends a signed-in user back to the desk.
    const again = await get(app, '/login', s.cookie);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe(desk);
  });

  it('keeps roles out of each other\'s desks', async () => {
    const { app } = await makeTestApp();
    const applicant = await login(app, 'ent1@demo.local');
    expect((await get(app, '/workbench', applicant.cookie)).status).toBe(403);
    expect((await get(app, '/audit', applicant.cookie)).status).toBe(403);
    const officer = await login(app, 'officer@demo.local');
    expect((await get(app, '/portal', officer.cookie)).status).toBe(403);
    expect((await get(app, '/audit', officer.cookie)).status).toBe(403);
  });

  it('sends anonymous visitors a 401 page on every desk', async () => {
    const { app } = await makeTestApp({ demo: false });
    for (const desk of ['/portal', '/workbench', '/audit']) expect((await get(app, desk)).status).toBe(401);
  });
});

describe('public pages', () => {
  it('the home page explains the programmes in Chinese with English alongside', async () => {
    const { app } = await makeTestApp({ demo: false });
    const res = await get(app, '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const zh of ['承接转移专项资金', '国家开发银行', '中国进出口银行', '中国出口信用保险公司', '外贸公共服务平台', '就业培训补贴', '人力资源社会保障部门']) expect(html).toContain(zh);
    expect(html).toMatch(/Special funds/i);
  });

  it('unknown pages answer a 404 page', async () => {
    const { app } = await makeTestApp({ demo: false });
    const res = await get(app, '/definitely/not/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
