// The role × route × owner matrix, built from the router's own table (app.routes): every route,
// as the anonymous visitor, each role, and a user of another enterprise or institution, against
// records they do and do not own. Refused access is 401/403/404 and logged; allowed access is never a 5xx.
import { beforeAll, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index';
import type { TestApp } from '../helpers/index';
import { securityApp, type Actor, type Records } from './fixture';
import { isMiddleware, ruleFor } from './route-rules';
import { concretePaths, send } from './walk';

interface Outcome { actor: Actor; method: string; path: string; label: string; status: number; allowed: boolean }

let t: TestApp;
let records: Records;
let actors: Actor[];
const outcomes: Outcome[] = [];
const problems: string[] = [];

function routeTable() {
  const seen = new Set<string>();
  return t.app.routes.filter((r) => !isMiddleware(r) && !seen.has(`${r.method} ${r.path}`) && (seen.add(`${r.method} ${r.path}`), true));
}

beforeAll(async () => {
  ({ t, records, actors } = await securityApp());
  for (const route of routeTable()) {
    const rule = ruleFor(route.method, route.path);
    if (!rule) { problems.push(`unclassified route: ${route.method} ${route.path} (add a rule to test/security/route-rules.ts)`); continue; }
    const paths = concretePaths(route.path, records);
    if (paths instanceof Error) { problems.push(paths.message); continue; }
    for (const c of paths) {
      for (const actor of actors) {
        const res = await send(t, actor, route.method, c.path, rule.spendsCredential);
        await res.arrayBuffer();
        outcomes.push({ actor, method: route.method, path: c.path, label: c.label, status: res.status, allowed: rule.allow(actor.user, c.target) });
      }
    }
  }
}, 120_000);

const line = (o: Outcome) => `(${o.actor.name}, ${o.method}, ${o.path}${o.label ? ` [${o.label}]` : ''}) → ${o.status}`;

test('every route of app.routes is classified and every parameter has a real record', () => {
  expect(problems).toEqual([]);
  expect(routeTable().length).toBeGreaterThan(60);
});

test('access the policy does not allow is 401, 403 or 404 — never content, a redirect or a 500', () => {
  const offending = outcomes.filter((o) => !o.allowed && ![401, 403, 404].includes(o.status)).map(line);
  expect(offending).toEqual([]);
  // The walk is not vacuous: most combinations are refusals, and every kind of refusal occurs.
  expect(outcomes.filter((o) => !o.allowed).length).toBeGreaterThan(outcomes.length / 2);
});

test('the API answers 401 to everyone without a token, on every route but the token exchange, its own description and the public notice', () => {
  const open = new Set(['/api/v1/tokens', '/api/v1/openapi.json', '/api/docs', '/api/v1/notices']);
  const publicNotice = /^\/api\/v1\/notices\/\d+\/objections$/; // API.md: no token
  const offending = outcomes.filter((o) => o.actor.user === null && o.path.startsWith('/api/') && !open.has(o.path) && !publicNotice.test(o.path) && o.status !== 401).map(line);
  expect(offending).toEqual([]);
});

test('access the policy allows is never a 5xx, and every allowed page or file is served (2xx/3xx)', () => {
  const offending = outcomes.filter((o) => o.allowed && (o.status >= 500 || (o.method === 'GET' && o.status >= 400))).map(line);
  expect(offending).toEqual([]);
  console.info(`security matrix: ${routeTable().length} routes, ${actors.length} actors, ${outcomes.length} route × actor × record requests`);
});

test('refused accesses of signed-in users are in the audit chain (kind access), with method, path and status', () => {
  const rows = t.deps.db.select().from(auditEvents).where(eq(auditEvents.kind, 'access')).all();
  const logged = new Set(rows.map((r) => { const d = JSON.parse(r.data ?? '{}') as { method: string; path: string; status: number }; return `${r.actorId} ${d.method} ${d.path} ${d.status}`; }));
  const mustLog = outcomes.filter((o) => o.actor.user && (o.status === 403 || (o.status === 404 && o.path.startsWith('/api/'))));
  const missing = mustLog.filter((o) => !logged.has(`${o.actor.user!.id} ${o.method} ${o.path.split("?")[0]} ${o.status}`)).map(line);
  expect(missing).toEqual([]);
  expect(mustLog.length).toBeGreaterThan(100);
  // The anonymous visitor without any credential is refused but not logged (one row per stray hit would be cheap to abuse).
  const anonymousRows = t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'access'), eq(auditEvents.actorRole, 'anonymous'))).all();
  expect(anonymousRows.every((r) => (JSON.parse(r.data!) as { status: number }).status === 403)).toBe(true);
});
