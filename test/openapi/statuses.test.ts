// Every status an /api/v1 route answers is one the document lists, with a body of the documented
// shape: the security walk's requests (every route × every role × records owned and not owned,
// no token, stale credentials) are checked against openapi.json.
import { beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../helpers/index';
import { securityApp, type Actor, type Records } from '../security/fixture';
import { ruleFor } from '../security/route-rules';
import { concretePaths, send } from '../security/walk';
import { answerChecker, fetchDocument, type Doc } from './contract';

let t: TestApp;
let records: Records;
let actors: Actor[];
let doc: Doc;

beforeAll(async () => {
  ({ t, records, actors } = await securityApp());
  doc = await fetchDocument(t.app);
}, 120_000);

it('answers on every /api/v1 route, for every actor and record, only documented statuses with documented bodies', async () => {
  const check = answerChecker(doc);
  const problems: string[] = [];
  const statuses = new Set<number>();
  const seen = new Set<string>();
  for (const route of t.app.routes) {
    if (!route.path.startsWith('/api/v1/') || route.method === 'ALL' || route.path.includes('*') || seen.has(`${route.method} ${route.path}`)) continue;
    seen.add(`${route.method} ${route.path}`);
    const documented = route.path.slice('/api/v1'.length).replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}');
    const paths = concretePaths(route.path, records);
    if (paths instanceof Error) { problems.push(paths.message); continue; }
    for (const c of paths) {
      for (const actor of actors) {
        const res = await send(t, actor, route.method, c.path, ruleFor(route.method, route.path)?.spendsCredential);
        statuses.add(res.status);
        const p = await check(route.method, documented, res);
        if (p) problems.push(`${actor.name}: ${p}`);
      }
    }
  }
  expect(problems).toEqual([]);
  // The walk meets successes and each kind of refusal.
  for (const s of [200, 201, 401, 403, 404]) expect(statuses.has(s), String(s)).toBe(true);
}, 180_000);
