import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, type Session, type TestApp } from '../helpers/index';
import { caseByRef, demoApp, postForm } from './requests';

let t: TestApp;
const sessions: Record<string, Session> = {};
const STAFF = ['officer', 'expert1', 'approver', 'cdb', 'exim', 'sinosure', 'auditor'];

beforeAll(async () => {
  t = await demoApp();
  for (const who of [...STAFF, 'ent1', 'admin']) sessions[who] = await login(t.app, `${who}@demo.local`);
});

describe('who may open the workbench pages', () => {
  const pages = () => {
    const sf = caseByRef(t.deps, 'SF-2026-000002');
    return ['/workbench', '/workbench?view=all', '/workbench/export.csv', `/workbench/cases/${sf.id}`];
  };

  it('answers 401 to anonymous visitors and 403 to applicants and administrators', async () => {
    for (const p of pages()) {
      expect((await get(t.app, p)).status, p).toBe(401);
      expect((await get(t.app, p, sessions.ent1!.cookie)).status, p).toBe(403);
      expect((await get(t.app, p, sessions.admin!.cookie)).status, p).toBe(403);
    }
  });

  it('opens every page for the commerce staff and the auditor', async () => {
    for (const who of ['officer', 'approver', 'auditor']) {
      for (const p of pages()) expect((await get(t.app, p, sessions[who]!.cookie)).status, `${who} ${p}`).toBe(200);
    }
  });

  it('keeps liaisons to their own institution: a government-fund case does not exist for them', async () => {
    const sf = caseByRef(t.deps, 'SF-2026-000002');
    const exim = caseByRef(t.deps, 'EXIM-2026-000001');
    for (const who of ['cdb', 'exim', 'sinosure']) {
      expect((await get(t.app, `/workbench/cases/${sf.id}`, sessions[who]!.cookie)).status).toBe(404);
      const list = await (await get(t.app, '/workbench?view=all', sessions[who]!.cookie)).text();
      expect(list.includes('SF-2026-'), who).toBe(false);
    }
    expect((await get(t.app, `/workbench/cases/${exim.id}`, sessions.cdb!.cookie)).status).toBe(404);
    expect((await get(t.app, `/workbench/cases/${exim.id}`, sessions.exim!.cookie)).status).toBe(200);
    expect(await (await get(t.app, '/workbench?view=all', sessions.cdb!.cookie)).text()).not.toContain('EXIM-2026-');
  });

  it('shows an expert only the cases on their panel', async () => {
    const unassigned = caseByRef(t.deps, 'SF-2026-000002');
    expect((await get(t.app, `/workbench/cases/${unassigned.id}`, sessions.expert1!.cookie)).status).toBe(404);
    const queue = await (await get(t.app, '/workbench?view=all', sessions.expert1!.cookie)).text();
    expect(queue).toContain('SF-2026-000006'); // assigned, not yet scored
    expect(queue).not.toContain('SF-2026-000002');
    expect(queue).not.toContain('SF-2026-000007'); // expert1 has scored it already
  });

  it('shows the auditor everything read-only: no event forms, no comment form, and posts refused', async () => {
    const sf = caseByRef(t.deps, 'SF-2026-000009'); // awaiting approval
    const html = await (await get(t.app, `/workbench/cases/${sf.id}`, sessions.auditor!.cookie)).text();
    expect(html).toContain('id="read-only"');
    expect(html).not.toMatch(/<form[^>]*\/events"/);
    expect(html).not.toMatch(/<form[^>]*\/comments"/);
    const res = await postForm(t.app, `/workbench/cases/${sf.id}/events`, { type: 'approver.approve', version: String(sf.version), 'd.amount': '1', 'd.conditions': '' }, sessions.auditor!);
    expect(res.status).toBe(403);
    expect(caseByRef(t.deps, 'SF-2026-000009').version).toBe(sf.version);
  });

  it('gives each staff role its queue with counts per stage', async () => {
    const officer = await (await get(t.app, '/workbench', sessions.officer!.cookie)).text();
    expect(officer).toContain('data-stage="special-fund:review.preliminary"');
    expect(officer).not.toContain('data-stage="special-fund:approval"');
    const approver = await (await get(t.app, '/workbench', sessions.approver!.cookie)).text();
    expect(approver).toContain('data-stage="special-fund:approval"');
    expect(approver).toContain('SF-2026-000009');
    expect(approver).not.toContain('SF-2026-000002');
    const exim = await (await get(t.app, '/workbench', sessions.exim!.cookie)).text();
    expect(exim).toContain('data-stage="exim-order-finance:creditApproval"');
    expect(exim).toMatch(/data-stage="exim-order-finance:creditApproval"[\s\S]*?<strong class="count">2<\/strong>/);
  });

  it('marks days in state and overdue cases on the list', async () => {
    // The demo history lies in the past: cases have waited on the officer for weeks.
    const html = await (await get(t.app, '/workbench', sessions.officer!.cookie)).text();
    expect(html).toContain('data-overdue="1"');
    expect(html).toMatch(/<td>\d+<strong class="overdue"/);
  });

  it('refuses a malformed filter with 400 or 422, not a 500', async () => {
    expect((await get(t.app, '/workbench?from=yesterday', sessions.officer!.cookie)).status).toBe(422);
    expect((await get(t.app, '/workbench?cursor=bogus', sessions.officer!.cookie)).status).toBe(400);
    expect((await get(t.app, '/workbench?min=10&max=1', sessions.officer!.cookie)).status).toBe(400);
  });
});
