// Independent review: applicants never learn who reviewed their case as an expert nor what each
// expert scored or wrote (API.md), in the API history, the portal timeline and its "older" pages;
// an expert's view of open scores tells people apart by user id, not by display name.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../src/db/schema/index';
import { apiRequest, apiToken, get, login, makeTestApp } from '../helpers/index';
import { draftCase, send, userByEmail } from '../engine/drive';

async function scoredCase() {
  const t = await makeTestApp();
  const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
  for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
    send(t.deps, `${who}@demo.local`, c.id, type!);
  }
  return { ...t, c };
}

it('the applicant sees that the expert panel reviewed, never which expert, what score or what opinion', async () => {
  const { app, deps, c } = await scoredCase();
  send(deps, 'expert1@demo.local', c.id, 'expert.score', { score: 73, opinion: '意见甲 opinion-alpha' }, '备注甲 note-alpha');
  send(deps, 'expert2@demo.local', c.id, 'expert.score', { score: 91, opinion: '意见乙 opinion-beta' });
  const names = [userByEmail(deps, 'expert1@demo.local').name, userByEmail(deps, 'expert2@demo.local').name];

  const token = await apiToken(app, 'ent1@demo.local');
  const view = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, token)).json()) as any;
  const expertEntries = view.history.filter((h: any) => h.role === 'expert');
  expect(expertEntries).toHaveLength(2); // that the review happened stays visible
  for (const h of expertEntries) expect(h).toMatchObject({ actor: 'expert-panel', comment: null });
  const text = JSON.stringify(view);
  for (const secret of [...names, 'opinion-alpha', 'opinion-beta', 'note-alpha', '"score":73', '"score":91']) expect(text).not.toContain(secret);
  expect(view.history.some((h: any) => 'actorId' in h)).toBe(false);

  const s = await login(app, 'ent1@demo.local');
  const page = await (await get(app, `/portal/cases/${c.id}?history=all`, s.cookie)).text();
  expect(page).toContain('评审专家组');
  for (const secret of [...names, 'opinion-alpha', 'opinion-beta', 'note-alpha']) expect(page).not.toContain(secret);
  const older = await (await get(app, `/portal/cases/${c.id}/history?before=999999999`, s.cookie)).text();
  for (const secret of [...names, 'opinion-alpha', 'note-alpha']) expect(older).not.toContain(secret);

  // Staff still see who scored what.
  const officer = await apiToken(app, 'officer@demo.local');
  const staff = JSON.stringify(await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, officer)).json());
  for (const shown of [...names, 'note-alpha']) expect(staff).toContain(shown);
});

it('two experts with the same display name: neither sees the other\u2019s open score', async () => {
  const { app, deps, c } = await scoredCase();
  const e1 = userByEmail(deps, 'expert1@demo.local');
  deps.db.update(users).set({ name: e1.name }).where(eq(users.email, 'expert2@demo.local')).run();
  send(deps, 'expert1@demo.local', c.id, 'expert.score', { score: 64, opinion: '意见丙 opinion-gamma' }, '备注丙 note-gamma');
  const t2 = await apiToken(app, 'expert2@demo.local');
  const res = await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t2);
  expect(res.status).toBe(200);
  const text = JSON.stringify(await res.json());
  expect(text).not.toContain('opinion-gamma');
  expect(text).not.toContain('note-gamma');
  const t1 = await apiToken(app, 'expert1@demo.local');
  expect(JSON.stringify(await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t1)).json())).toContain('note-gamma');
});
