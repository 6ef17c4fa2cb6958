import { expect, it } from 'vitest';
import { declareInterest } from '../../src/domain/workbench/expert-review';
import { apiRequest, apiToken, makeTestApp } from '../helpers/index';
import { draftCase, send, userByEmail } from './drive';

it('an expert on the panel declares before reading through the API, and sees only their own score until all are in', async () => {
  const { app, deps } = await makeTestApp();
  const c = draftCase(deps, 'ent1@demo.local', 'special-fund');
  for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
    send(deps, `${who}@demo.local`, c.id, type!);
  }
  const t1 = await apiToken(app, 'expert1@demo.local');
  const t2 = await apiToken(app, 'expert2@demo.local');
  const before = await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, t1);
  expect(before.status).toBe(403);
  const ev = await apiRequest(app, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'expert.score', version: 5, data: { score: 80, opinion: '好' } }, t1);
  expect(ev.status).toBe(403);

  declareInterest(deps, userByEmail(deps, 'expert1@demo.local'), c.id, { conflict: false });
  send(deps, 'expert1@demo.local', c.id, 'expert.score', { score: 81, opinion: '项目可行 feasible' });
  send(deps, 'expert2@demo.local', c.id, 'expert.score'); // declares, then scores
  // On a second case only expert1 has scored: expert2 must not see it yet.
  const c2 = draftCase(deps, 'ent1@demo.local', 'special-fund');
  for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
    send(deps, `${who}@demo.local`, c2.id, type!);
  }
  send(deps, 'expert1@demo.local', c2.id, 'expert.score', { score: 77, opinion: '秘密意见 secret opinion' });
  declareInterest(deps, userByEmail(deps, 'expert2@demo.local'), c2.id, { conflict: false });
  const view2 = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c2.id}`, undefined, t2)).json()) as any;
  expect(JSON.stringify(view2)).not.toContain('secret opinion');
  expect(view2.details.scores).toEqual([]);
  const view1 = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c2.id}`, undefined, t1)).json()) as any;
  expect(view1.details.scores).toHaveLength(1);
  const officer = await apiToken(app, 'officer@demo.local');
  const all = (await (await apiRequest(app, 'GET', `/api/v1/cases/${c.id}`, undefined, officer)).json()) as any;
  expect(all.details.scores).toHaveLength(2);
});
