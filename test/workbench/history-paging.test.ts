// The case pages show the latest history entries and fetch older ones a page at a time (htmx),
// so a long history is never read or rendered whole; following "older" reaches every entry once.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index';
import { userFromRow, type CurrentUser } from '../../src/domain/auth/current-user';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { caseHistory, eventsFor } from '../../src/domain/cases/case-view';
import { createCase } from '../../src/domain/cases/create-case';
import { HISTORY_PAGE } from '../../src/domain/cases/history-page';
import type { CaseRow } from '../../src/domain/cases/load-case';
import { workflowFor } from '../../workflows/index';
import { get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';

let t: TestApp;
let row: CaseRow;
const s: Record<string, Session> = {};
const SHIPMENTS = 47;

const user = (email: string): CurrentUser => userFromRow(t.deps.db.select().from(users).where(eq(users.email, email)).get()!);

beforeAll(async () => {
  t = await makeTestApp();
  const ent1 = user('ent1@demo.local');
  const programme = 'sinosure-credit-insurance';
  row = createCase(t.deps, ent1, { programme, form: workflowFor(programme)!.formExample });
  t.deps.db.$client.prepare(`insert into documents (case_id, kind, filename, stored_name, mime, size, sha256, uploaded_by, uploaded_at)
    select ?, value, 'x.pdf', 'x-' || value, 'application/pdf', 10, ?, ?, '2026-01-05T00:00:00.000Z' from json_each(?)`)
    .run(row.id, 'b'.repeat(64), ent1.id, JSON.stringify(workflowFor(programme)!.documents.map((d) => d.kind)));
  const step = (u: CurrentUser, type: string) => {
    const e = eventsFor(t.deps, u, row).allowed.find((a) => a.type === type);
    if (!e) throw new Error(`${u.email} cannot ${type} in ${row.state}`);
    t.clock.advance(60_000);
    row = applyEvent(t.deps, u, { caseId: row.id, type, data: e.example, expectedVersion: row.version, comment: `step ${row.version + 1}` }).row;
  };
  const [liaison, liaison2] = [user('sinosure@demo.local'), user('sinosure2@demo.local')];
  step(ent1, 'applicant.submit');
  step(liaison, 'liaison.start-underwriting');
  step(liaison, 'liaison.prepare-policy');
  step(liaison2, 'liaison.issue-policy');
  step(ent1, 'applicant.request-limit');
  step(liaison, 'liaison.approve-limit');
  for (let i = 0; i < SHIPMENTS; i++) step(ent1, 'applicant.declare-shipment');
  for (const who of ['sinosure', 'ent1', 'ent2', 'cdb']) s[who] = await login(t.app, `${who}@demo.local`);
});

/** The version of each timeline entry, in page order (each step's comment names its version). */
const versions = (html: string) => html.split('<li data-event="').slice(1).map((li) => Number(/step (\d+)/.exec(li)?.[1]));
const olderUrl = (html: string) => /hx-get="([^"]+\/history\?before=\d+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

/** Follows "older entries" from the page to the start; returns the versions seen, in page order. */
async function walk(page: string, cookie: string): Promise<{ pages: number[][]; fallback: string | null }> {
  const first = await (await get(t.app, page, cookie)).text();
  const fallback = /<a href="([^"]+history=all[^"]*)"/.exec(first)?.[1]?.replace(/&amp;/g, '&') ?? null;
  const pages = [versions(first)];
  let next = olderUrl(first);
  while (next) {
    const res = await get(t.app, next, cookie, { 'hx-request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    pages.push(versions(html));
    next = olderUrl(html);
    expect(pages.length).toBeLessThan(10);
  }
  return { pages, fallback };
}

describe('paged case history', () => {
  const total = () => caseHistory(t.deps, row.id).length;

  it('shows staff the latest entries newest first, and every older one exactly once through "older entries"', async () => {
    expect(total()).toBe(row.version - 1); // every event after creation (version 1)
    expect(total()).toBeGreaterThan(2 * HISTORY_PAGE);
    const { pages, fallback } = await walk(`/workbench/cases/${row.id}`, s.sinosure!.cookie);
    expect(pages[0]).toHaveLength(HISTORY_PAGE);
    expect(pages[0]![0]).toBe(row.version);
    expect(pages.flat()).toEqual(Array.from({ length: total() }, (_, i) => row.version - i));
    expect(fallback).toBe(`/workbench/cases/${row.id}?history=all#h-history`);
    expect(versions(await (await get(t.app, fallback!, s.sinosure!.cookie)).text())).toEqual(pages.flat());
  });

  it('shows the applicant the latest entries oldest first, older ones fetched before them', async () => {
    const { pages, fallback } = await walk(`/portal/cases/${row.id}`, s.ent1!.cookie);
    expect(pages[0]).toHaveLength(HISTORY_PAGE);
    expect(pages[0]!.at(-1)).toBe(row.version);
    // Each fetched page goes above the one before it: read top to bottom, oldest first.
    const all = Array.from({ length: total() }, (_, i) => i + 2);
    expect([...pages].reverse().flat()).toEqual(all);
    expect(versions(await (await get(t.app, fallback!, s.ent1!.cookie)).text())).toEqual(all);
  });

  it('keeps the case page\u2019s rules on the older entries, and refuses a malformed cursor', async () => {
    expect((await get(t.app, `/portal/cases/${row.id}/history?before=99999`, s.ent2!.cookie)).status).toBe(404);
    expect((await get(t.app, `/workbench/cases/${row.id}/history?before=99999`, s.cdb!.cookie)).status).toBe(404);
    expect((await get(t.app, `/workbench/cases/${row.id}/history?before=99999`, s.ent1!.cookie)).status).toBe(403);
    for (const bad of ['abc', '-3', '0', '1e3', '99999999999999999999']) {
      expect((await get(t.app, `/workbench/cases/${row.id}/history?before=${bad}`, s.sinosure!.cookie)).status, bad).toBe(400);
    }
  });

  it('shows a short history whole, without "older entries"', async () => {
    const ent1 = user('ent1@demo.local');
    const programme = 'exim-order-finance';
    const fresh = createCase(t.deps, ent1, { programme, form: workflowFor(programme)!.formExample });
    applyEvent(t.deps, ent1, { caseId: fresh.id, type: 'applicant.withdraw', data: {}, expectedVersion: 1, comment: 'step 2' });
    const html = await (await get(t.app, `/portal/cases/${fresh.id}`, s.ent1!.cookie)).text();
    expect(olderUrl(html)).toBeNull();
    expect(versions(html)).toEqual([2]);
  });
});
