// Headers on every HTML response of every GET route, as each actor (the foundation tests check a
// few pages; this walks them all), cookie flags on every Set-Cookie, and the session rules
// (fixation, logout, disabled users: see test/foundation/login-sessions.test.ts) seen through the walk.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { users } from '../../src/db/schema/index';
import { formPost, get, login, makeTestApp, setCookies, type TestApp } from '../helpers/index';
import { securityApp, type Actor, type Records } from './fixture';
import { isMiddleware } from './route-rules';
import { concretePaths, send } from './walk';

/** What a text/html response lacks, as a list of reasons. */
function headerProblems(res: Response, https: boolean): string[] {
  const out: string[] = [];
  const csp = res.headers.get('content-security-policy') ?? '';
  if (!/default-src 'self'/.test(csp) || !/script-src 'self'/.test(csp)) out.push('CSP without self-only sources');
  if (/unsafe-inline|unsafe-eval/.test(csp)) out.push('CSP allows unsafe-inline/eval');
  if (!/frame-ancestors 'none'/.test(csp)) out.push("no frame-ancestors 'none'");
  const hsts = Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1] ?? 0);
  if (hsts < 31_536_000) out.push(`HSTS max-age ${hsts}`);
  if (res.headers.get('x-content-type-options') !== 'nosniff') out.push('no nosniff');
  for (const line of res.headers.getSetCookie()) {
    if (!/;\s*HttpOnly/i.test(line)) out.push(`cookie without HttpOnly: ${line}`);
    if (!/;\s*SameSite=(Lax|Strict)/i.test(line)) out.push(`cookie without SameSite: ${line}`);
    if (https && !/;\s*Secure/i.test(line)) out.push(`cookie without Secure over HTTPS: ${line}`);
    if (https && line.startsWith('cj_session=')) out.push('session cookie without __Host- over HTTPS');
  }
  return out;
}

let t: TestApp;
let records: Records;
let actors: Actor[];

beforeAll(async () => { ({ t, records, actors } = await securityApp()); }, 60_000);

function getPaths(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of t.app.routes.filter((x) => x.method === 'GET' && !isMiddleware(x))) {
    const paths = concretePaths(r.path, records);
    if (paths instanceof Error) throw paths;
    for (const c of paths) if (!seen.has(c.path)) { seen.add(c.path); out.push(c.path); }
  }
  return [...out, '/no-such-page', '/portal/cases/abc'];
}

test('every HTML response of every GET route, as every actor, carries CSP, HSTS, nosniff and safe cookies', async () => {
  const problems: string[] = [];
  let html = 0;
  for (const path of getPaths()) {
    for (const actor of actors) {
      const res = await send(t, actor, 'GET', path);
      await res.arrayBuffer();
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      html++;
      for (const p of headerProblems(res, false)) problems.push(`(${actor.name}, GET ${path}) → ${res.status}: ${p}`);
    }
  }
  expect(problems).toEqual([]);
  expect(html).toBeGreaterThan(300); // pages, 401/403/404 pages and the verify page of every actor
});

test('every response that sets a cookie over HTTPS sets __Host-, Secure, HttpOnly, SameSite', async () => {
  const https = await makeTestApp({ config: { HTTPS: '1' } });
  const responses = [
    await formPost(https.app, '/login', { email: 'ent1@demo.local', password: 'demo-pass-2026' }),
    await formPost(https.app, '/lang', { lang: 'en' }),
  ];
  const s = await login(https.app, 'ent1@demo.local', 'demo-pass-2026', '__Host-cj_session');
  responses.push(await formPost(https.app, '/logout', {}, { cookie: s.cookie, csrf: s.csrf }));
  expect(responses.every((r) => r.headers.getSetCookie().length > 0)).toBe(true);
  expect(responses.flatMap((r) => headerProblems(r, true))).toEqual([]);
});

test('session: a new id at login, the old one dead; logout and disabling end access to every page at once', async () => {
  const first = await login(t.app, 'officer@demo.local');
  const again = await formPost(t.app, '/login', { email: 'officer@demo.local', password: 'demo-pass-2026' }, { cookie: first.cookie, csrf: first.csrf });
  const second = `cj_session=${setCookies(again).cj_session}`;
  expect(second).not.toBe(first.cookie);
  const pagesOpen = async (cookie: string) => {
    const statuses = await Promise.all(['/workbench', `/workbench/cases/${records.cdb.id}`, '/stats', '/notifications'].map(async (p) => (await get(t.app, p, cookie)).status));
    return statuses;
  };
  expect(await pagesOpen(first.cookie)).toEqual([401, 401, 401, 401]);
  expect(await pagesOpen(second)).toEqual([200, 200, 200, 200]);

  // Disabled by the admin: the open session and the API token stop at once, on pages and API alike.
  const officer = actors.find((a) => a.name === 'officer')!;
  const admin = actors.find((a) => a.name === 'admin')!;
  const id = t.deps.db.select().from(users).where(eq(users.email, 'officer@demo.local')).get()!.id;
  expect((await formPost(t.app, `/admin/users/${id}/disable`, {}, { cookie: admin.session!.cookie, csrf: admin.session!.csrf })).status).toBe(303);
  expect(await pagesOpen(second)).toEqual([401, 401, 401, 401]);
  for (const path of ['/api/v1/cases', `/api/v1/cases/${records.cdb.id}`, '/api/v1/programmes']) {
    expect((await send(t, officer, 'GET', path)).status, path).toBe(401);
  }

  // Logout ends the session for every page, not only the desk.
  const ent2 = await login(t.app, 'ent2@demo.local');
  expect((await formPost(t.app, '/logout', {}, { cookie: ent2.cookie, csrf: ent2.csrf })).status).toBe(303);
  for (const p of ['/portal', `/portal/cases/${records.cdb.id}`, '/notifications', '/portal/team']) expect((await get(t.app, p, ent2.cookie)).status, p).toBe(401);
});
