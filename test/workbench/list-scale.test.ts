import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema/index';
import { userFromRow, type CurrentUser } from '../../src/domain/auth/current-user';
import { users } from '../../src/db/schema/index';
import { scopeWhere, SORTS, type WorkbenchFilter } from '../../src/domain/workbench/case-filter';
import { listWorkbench, pageIdsQuery, stageCounts } from '../../src/domain/workbench/list-workbench';
import { get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';
import { insertGeneratedCases, type GeneratedCase } from './generated-cases';

const N = 5000;
let t: TestApp;
let gen: GeneratedCase[];
const u: Record<string, CurrentUser> = {};
let auditor: Session;

beforeAll(async () => {
  t = await makeTestApp();
  for (const row of t.deps.db.select().from(users).all()) u[row.email.split('@')[0]!] = userFromRow(row);
  gen = insertGeneratedCases(t.deps, N, { expertIds: [u.expert1!.id, u.expert2!.id] });
  auditor = await login(t.app, 'auditor@demo.local');
});

/** Every page of a filter, following nextCursor. */
function allPages(user: CurrentUser, f: WorkbenchFilter) {
  const ids: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const p = listWorkbench(t.deps, user, { ...f, cursor, limit: 100 });
    ids.push(...p.items.map((r) => r.id));
    cursor = p.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 1000);
  return ids;
}

describe(`the workbench list over ${N} generated cases`, () => {
  it('pages through a filter without gaps or repeats, in the order asked', () => {
    const f: WorkbenchFilter = { view: 'all', province: '四川', min: 1_000_000, max: 4_000_000, sort: 'amount', dir: 'asc' };
    const expected = gen.filter((g) => g.province === '四川' && g.amount >= 1_000_000 && g.amount <= 4_000_000)
      .sort((a, b) => a.amount - b.amount || a.id - b.id).map((g) => g.id);
    expect(expected.length).toBeGreaterThan(200);
    expect(allPages(u.auditor!, f)).toEqual(expected);
  });

  it('sorts by days in state (oldest first) and by last update (newest first) across pages', () => {
    const byDays = gen.filter((g) => g.programme === 'exim-order-finance').sort((a, b) => a.stateSince.localeCompare(b.stateSince) || a.id - b.id).map((g) => g.id);
    expect(allPages(u.exim!, { view: 'all', sort: 'days' })).toEqual(byDays);
    const officerProgs = ['special-fund', 'trade-platform-grant', 'cdb-infra-loan'];
    // The date filter is in Beijing days: 1 March 00:00 Beijing time is 28 February 16:00 UTC.
    const byUpdate = gen.filter((g) => officerProgs.includes(g.programme) && g.submittedAt >= '2025-02-28T16:00:00.000Z' && g.submittedAt <= '2025-03-31T15:59:59.999Z')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id).map((g) => g.id);
    expect(allPages(u.officer!, { view: 'all', from: '2025-03-01', to: '2025-03-31' })).toEqual(byUpdate);
  });

  it('gives each person their queue: the officer their stages, the expert the panels that name them, the liaison their institution', () => {
    const officerQueue = new Set(allPages(u.officer!, {}));
    const officerStates = new Set(gen.filter((g) => officerQueue.has(g.id)).map((g) => `${g.programme}:${g.state}`));
    expect(officerStates.has('special-fund:review.preliminary')).toBe(true);
    expect(officerStates.has('special-fund:approval')).toBe(false);
    const expertQueue = allPages(u.expert1!, { view: 'all' }); // experts only ever get their queue
    expect(expertQueue.sort()).toEqual(gen.filter((g) => g.panel.includes(u.expert1!.id)).map((g) => g.id).sort());
    expect(allPages(u.cdb!, { view: 'all' }).every((id) => gen.find((g) => g.id === id)!.programme === 'cdb-infra-loan')).toBe(true);
  });

  it('counts per stage agree with the list', () => {
    const counts = stageCounts(t.deps, u.sinosure!, { view: 'all' });
    const total = counts.reduce((s, c) => s + c.count, 0);
    expect(total).toBe(gen.filter((g) => g.programme === 'sinosure-credit-insurance').length);
    const one = counts[0]!;
    expect(allPages(u.sinosure!, { view: 'all', state: one.state }).length).toBe(one.count);
  });

  it('finds cases by reference, enterprise name and credit code', () => {
    const g = gen[1234]!;
    const ref = `GEN-${String(1234).padStart(7, '0')}`;
    expect(listWorkbench(t.deps, u.auditor!, { q: ref }).items.map((r) => r.id)).toEqual([g.id]);
    expect(listWorkbench(t.deps, u.auditor!, { q: `91gen${String(1234).padStart(13, '0')}` }).items.map((r) => r.id)).toEqual([g.id]);
    expect(listWorkbench(t.deps, u.auditor!, { q: '有限公司1234' }).items.map((r) => r.id)).toEqual([g.id]);
  });

  it('keeps the filter in the URL: the next-page link carries it and the page shows the same rows', async () => {
    const html = await (await get(t.app, '/workbench?province=%E5%9B%9B%E5%B7%9D&sort=amount&dir=asc&limit=10', auditor.cookie)).text();
    const next = /id="next-page" href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(next).toContain('province=');
    expect(next).toContain('sort=amount');
    const second = await (await get(t.app, next, auditor.cookie)).text();
    const refs = [...second.matchAll(/data-case="([^"]+)"/g)].map((m) => m[1]);
    const expected = gen.filter((g) => g.province === '四川').sort((a, b) => a.amount - b.amount || a.id - b.id).slice(10, 20)
      .map((g) => `GEN-${String(gen.indexOf(g)).padStart(7, '0')}`);
    expect(refs).toEqual(expected);
  });

  it('exports the filtered list as CSV, UTF-8 with a BOM', async () => {
    const res = await get(t.app, '/workbench/export.csv?province=%E9%87%8D%E5%BA%86&industry=electronics', auditor.cookie);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines.length - 1).toBe(gen.filter((g) => g.province === '重庆' && g.industry === 'electronics').length);
    expect(lines[0]).toContain('编号 Reference');
    expect(lines[1]).toContain('重庆');
  });
});

describe('query plans', () => {
  const explain = (q: { sql: string; params: unknown[] }) =>
    (t.deps.db.$client.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  const plan = (user: CurrentUser, f: WorkbenchFilter, access: 'walk' | 'seek') => explain(pageIdsQuery(t.deps, user, f, access)!.toSQL());
  const INDEX_OF_SORT = { updated: 'cases_walk_updated', submitted: 'cases_walk_submitted', days: 'cases_walk_since', amount: 'cases_walk_amount' } as const;

  it('walks the sort index for a large scope, reading no table row and sorting nothing', () => {
    for (const sort of SORTS) {
      for (const f of [{ view: 'all' as const, sort }, { view: 'all' as const, sort, programme: 'special-fund', province: '四川', industry: 'electronics', min: 1, from: '2025-01-01' }]) {
        const p = plan(u.auditor!, f, 'walk');
        expect(p, JSON.stringify(f)).toBe(`SCAN cases USING COVERING INDEX ${INDEX_OF_SORT[sort]}`);
      }
    }
    expect(plan(u.officer!, { sort: 'amount', dir: 'asc' }, 'walk')).toBe('SCAN cases USING COVERING INDEX cases_walk_amount');
  });

  it('seeks small scopes by programme and state, sorting within the index', () => {
    for (const [user, f] of [[u.approver!, {}], [u.officer!, { programme: 'special-fund', state: 'review.preliminary' }], [u.sinosure!, { view: 'all', industry: 'electronics' }],
      [u.auditor!, { view: 'all', programme: 'special-fund', sort: 'amount' }], [u.cdb!, { province: '四川', sort: 'days' }]] as [CurrentUser, WorkbenchFilter][]) {
      const p = plan(user, f, 'seek');
      const searches = p.split(' | ').filter((d) => d.startsWith('SEARCH') || d.startsWith('SCAN'));
      expect(searches.length, p).toBeGreaterThan(0);
      for (const d of searches) expect(d, JSON.stringify(f)).toMatch(/^SEARCH cases USING COVERING INDEX cases_queue \(programme_code=\?/);
      // A queue seeks each of its stages, never a whole programme.
      if (!f.view) expect(p).toMatch(/programme_code=\? AND state=\?/);
    }
  });

  it('reads only the rows of the page', () => {
    const ids = pageIdsQuery(t.deps, u.auditor!, { view: 'all', limit: 10 }, 'walk')!.all().map((r) => r.id);
    expect(ids).toHaveLength(11);
    expect(listWorkbench(t.deps, u.auditor!, { view: 'all', limit: 10 }).items.map((r) => r.id)).toEqual(ids.slice(0, 10));
  });

  it('counts per stage from an index, without reading the table', () => {
    const q = t.deps.db.select({ n: sql`count(*)` }).from(cases).where(scopeWhere(u.officer!, 'all') as ReturnType<typeof sql>).groupBy(cases.programmeCode, cases.state).toSQL();
    expect(explain(q)).toMatch(/USING COVERING INDEX cases_queue/);
  });
});
