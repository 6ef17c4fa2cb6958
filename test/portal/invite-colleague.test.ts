// A colleague joins through a one-time link; both see the enterprise's cases; history says who did what.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index';
import { formPost, get, login, makeTestApp } from '../helpers/index';
import { post, startDraft, validPage } from './portal-helpers';

describe('invite a colleague', () => {
  it('creates an applicant of the same enterprise with a one-time set-password link', async () => {
    const t = await makeTestApp();
    const s = await login(t.app, 'ent1@demo.local');
    const id = await startDraft(t.app, s);
    const res = await post(t.app, '/portal/team/invite', s, { name: '李华', email: 'Li.Hua@Example.cn' });
    expect(res.status).toBe(201);
    const html = await res.text();
    const link = /id="invite-link" href="([^"]+)"/.exec(html)![1]!;
    const path = new URL(link).pathname;
    expect(path).toMatch(/^\/invite\/\d+\.[A-Za-z0-9_-]{32}$/);
    // not usable for login before the password is set
    expect((await formPost(t.app, '/login', { email: 'li.hua@example.cn', password: 'anything-at-all' })).status).toBe(401);
    const page = await get(t.app, path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('li.hua@example.cn');
    expect((await formPost(t.app, path, { password: 'short' })).status).toBe(422);
    const set = await formPost(t.app, path, { password: 'colleague-pass-2026' });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/portal');
    // one-time: the link no longer works
    expect((await get(t.app, path)).status).toBe(404);
    expect((await formPost(t.app, path, { password: 'another-pass-2026' })).status).toBe(404);
    // the colleague sees the enterprise's case and acts on it; the history names them
    const s2 = await login(t.app, 'li.hua@example.cn', 'colleague-pass-2026');
    await validPage(t.app, `/portal/cases/${id}`, s2);
    expect((await post(t.app, `/portal/cases/${id}/withdraw`, s2, { version: '1', _confirm: '1' })).status).toBe(303);
    const caseHtml = await (await get(t.app, `/portal/cases/${id}`, s.cookie)).text();
    expect(caseHtml).toContain('李华');
    expect(t.deps.db.select().from(auditEvents).where(eq(auditEvents.type, 'user.invited')).all()).toHaveLength(1);
    const team = await validPage(t.app, '/portal/team', s);
    expect(team).toContain('li.hua@example.cn');
  });

  it('refuses a taken email or bad input with the form again, and junk tokens with 404', async () => {
    const t = await makeTestApp();
    const s = await login(t.app, 'ent1@demo.local');
    expect((await post(t.app, '/portal/team/invite', s, { name: 'X', email: 'ent2@demo.local' })).status).toBe(409);
    expect((await post(t.app, '/portal/team/invite', s, { name: '', email: 'nope' })).status).toBe(422);
    for (const token of ['1.x', '../../etc', '99999.' + 'a'.repeat(32), '2.' + 'a'.repeat(32)]) {
      expect((await get(t.app, `/invite/${encodeURIComponent(token)}`)).status).toBe(404);
    }
    const officer = await login(t.app, 'officer@demo.local');
    expect((await post(t.app, '/portal/team/invite', officer, { name: 'X', email: 'x@example.cn' })).status).toBe(403);
  });
});
