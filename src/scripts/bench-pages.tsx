// Page ceilings, measured in the same run: the same page served by the whole app in process
// (session, database, rendering), its data read alone (the database part: queries and rows),
// and rendered from its data already in memory (no database), so the report shows how much of
// a page is database work, how much rendering, and how much the rest (session, middleware).
import { eq } from 'drizzle-orm';
import type { Child } from 'hono/jsx';
import { createApp } from '../app';
import { testConfig } from '../config';
import { openDatabase } from '../db/client';
import { users } from '../db/schema/index';
import { userFromRow } from '../domain/auth/current-user';
import { workflowOf } from '../domain/cases/load-case';
import { systemClock, type Deps } from '../domain/deps';
import { parseWorkbenchFilter } from '../domain/workbench/case-filter';
import { staffCase } from '../domain/workbench/staff-case';
import { homePathFor } from '../routes/render';
import { queuePageProps } from '../routes/workbench';
import { Layout } from '../../views/layout';
import { CasePage } from '../../views/workbench/case-page';
import { QueuePage } from '../../views/workbench/queue-page';

/** fullMs: the whole app in process; dataMs: reading the page's data (the database part); renderMs: rendering it. */
export interface PageShare { page: string; fullMs: number; dataMs: number; renderMs: number; bytes: number }

/** Mean milliseconds of `fn` over about `seconds`, after a short warm-up. */
async function timeIt(seconds: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) { await fn(); n++; }
  return (performance.now() - t0) / n;
}

const toHtml = async (el: Child) => `<!doctype html>${String(await (el as { toString(): string | Promise<string> }).toString())}`;

/**
 * For each page: ms per request through the whole app (no HTTP), and ms to render the same page
 * from its data read once. `pages`: a queue path and case ids, as `email` sees them.
 */
export async function pageShares(dbPath: string, email: string, pages: { label: string; path: string }[], seconds: number): Promise<PageShare[]> {
  const deps: Deps = { db: openDatabase(dbPath), config: testConfig({ DATABASE_PATH: dbPath, SCRYPT_LOG_N: '15' }), clock: systemClock };
  try {
    const app = createApp(deps);
    const origin = new URL(deps.config.PUBLIC_URL).origin;
    const login = await app.request('/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ email, password: 'demo-pass-2026' }).toString(),
    });
    const cookie = login.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
    const user = userFromRow(deps.db.select().from(users).where(eq(users.email, email)).get()!);
    const shell = (title: string, body: Child) => (
      <Layout title={title} locale="zh" csrfToken="x" homePath={homePathFor(user.role)} user={{ name: user.name, email: user.email, role: user.role, unread: 0 }}>{body}</Layout>
    );
    const out: PageShare[] = [];
    for (const p of pages) {
      const url = new URL(p.path, origin);
      let body: () => Child;
      let data: () => unknown;
      const caseMatch = /^\/workbench\/cases\/(\d+)$/.exec(url.pathname);
      if (caseMatch) {
        data = () => staffCase(deps, user, Number(caseMatch[1]));
        const sc = staffCase(deps, user, Number(caseMatch[1]));
        body = () => shell(sc.row.reference, <CasePage sc={sc} workflow={workflowOf(sc.row)} locale="zh" csrfToken="x" flash={null} draft={null} />);
      } else {
        data = () => queuePageProps(deps, user, parseWorkbenchFilter(Object.fromEntries(url.searchParams)), 'zh');
        const props = queuePageProps(deps, user, parseWorkbenchFilter(Object.fromEntries(url.searchParams)), 'zh');
        body = () => shell(props.title, <QueuePage {...props} />);
      }
      let bytes = 0;
      const fullMs = await timeIt(seconds, async () => {
        const res = await app.request(p.path, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${p.path}: HTTP ${res.status}`);
        bytes = (await res.text()).length;
      });
      const dataMs = await timeIt(seconds, data);
      const renderMs = await timeIt(seconds, () => toHtml(body()));
      out.push({ page: p.label, fullMs, dataMs, renderMs, bytes });
    }
    return out;
  } finally {
    deps.db.$client.close();
  }
}
