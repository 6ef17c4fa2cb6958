// Hostile input on every route as a signed-in user of each kind: never a 5xx.
import { expect, it } from 'vitest';
import { apiToken, login, makeTestApp, OWN_ORIGIN } from '../helpers/index';
import { draftCase, send } from '../engine/drive';

const JUNK_IDS = ['0', '-1', '1e9', 'abc', '%00', '..%2F..%2Fetc', '9'.repeat(30), '1.5'];
const JUNK_QUERIES = ['?limit=abc&cursor=%FF%FE', '?from=2026-13-45&to=x&min=-1&max=abc&sort=drop&dir=up', '?q=' + '%27%22%3C'.repeat(50), '?more=__proto__:1&view=%00'];
const JUNK_BODIES = ['{"type":null,"version":"x"}', '[]', '"str"', '{"__proto__":{"x":1}}', 'a=1&b[]=2&_csrf=', '\u0000\u0001'];

it('answers junk ids, queries and bodies on every route without a 5xx', async () => {
  const { app, deps } = await makeTestApp();
  const c = draftCase(deps, 'ent1@demo.local', 'exim-order-finance');
  send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
  // Not the routes that end the session or change who is signed in: the walk would go on anonymous.
  const routes = app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*') && !['/logout', '/login', '/register'].includes(r.path)
    && !r.path.includes('/disable') && !r.path.includes('/password'));
  const failures: string[] = [];
  // Sign everyone in first: junk posted to /login counts as failed logins of this address.
  const actors = [];
  for (const who of ['ent1', 'exim', 'auditor', 'admin']) actors.push({ who, s: await login(app, `${who}@demo.local`), token: await apiToken(app, `${who}@demo.local`) });
  for (const { who, s, token } of actors) {
    for (const r of routes) {
      for (const id of [...JUNK_IDS, String(c.id)]) {
        const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, id).replace(/\.pdf$/, '.pdf');
        for (const q of JUNK_QUERIES) {
          for (const body of r.method === 'GET' ? [undefined] : JUNK_BODIES) {
            const api = path.startsWith('/api/');
            const res = await app.request(path + q, {
              method: r.method,
              body,
              headers: {
                ...(api ? { authorization: `Bearer ${token}` } : { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: OWN_ORIGIN }),
                ...(body === undefined ? {} : { 'content-type': body.startsWith('a=') ? 'application/x-www-form-urlencoded' : 'application/json' }),
              },
            });
            if (res.status >= 500) failures.push(`${who} ${r.method} ${path}${q.slice(0, 40)} → ${res.status} ${(await res.text()).slice(0, 100)}`);
          }
        }
      }
    }
  }
  expect(failures).toEqual([]);
}, 240_000);
