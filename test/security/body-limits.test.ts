// Body limits per class of route, on every route of the router's table: an oversized body and a
// body of 100,000 fields are refused (413) before anything parses them, and the server still
// answers /healthz. The same over a real server process: test/security/body-limits-server.test.ts.
import { beforeAll, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../src/middleware/body-guard';
import { apiToken, OWN_ORIGIN, type TestApp } from '../helpers/index';
import { securityApp, type Actor, type Records } from './fixture';
import { isMiddleware } from './route-rules';
import { concretePaths } from './walk';

let t: TestApp;
let records: Records;
let actors: Actor[];

beforeAll(async () => { ({ t, records, actors } = await securityApp()); }, 60_000);

const isUpload = (path: string) => /^\/(api\/v1|portal)\/cases\/[^/]+\/documents$/.test(path);

/** Every route that takes a body, with real ids in its parameters. */
function bodyRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.app.routes) {
    if (isMiddleware(r) || r.method === 'GET' || seen.has(`${r.method} ${r.path}`)) continue;
    seen.add(`${r.method} ${r.path}`);
    const paths = concretePaths(r.path, records);
    if (paths instanceof Error) throw paths;
    out.push({ method: r.method, path: paths[0]!.path });
  }
  // The routes that end the actor's session or token go last, so every other route sees live credentials.
  const spends = (p: string) => p === '/logout' || p === '/api/v1/tokens/current';
  return [...out.filter((r) => !spends(r.path)), ...out.filter((r) => spends(r.path))];
}

const FIELDS_100K = 'f=1&'.repeat(100_000);

/** Routes that may answer without reading a form body: API routes (they read JSON only, and
 *  some take no body at all) and the page routes that end a session or mark notifications. */
const READS_NO_BODY = [/^\/api\//, /^\/logout$/, /^\/notifications\//];

function multipartParts(n: number): { body: string; type: string } {
  const b = 'x'.repeat(16);
  return { body: `${`--${b}\r\ncontent-disposition: form-data; name="f"\r\n\r\n1\r\n`.repeat(n)}--${b}--\r\n`, type: `multipart/form-data; boundary=${b}` };
}

/** A body as a stream of 16 KB chunks and no Content-Length: the limit must hold while reading. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(ctl) {
      if (at >= bytes.length) return ctl.close();
      ctl.enqueue(bytes.subarray(at, (at += 16 * 1024)));
    },
  });
}

function credentials(actor: Actor, path: string): Record<string, string> {
  if (path.startsWith('/api/')) return actor.token ? { authorization: `Bearer ${actor.token}` } : {};
  return actor.session ? { cookie: actor.session.cookie, origin: OWN_ORIGIN } : { origin: OWN_ORIGIN };
}

async function healthy() {
  const res = await t.app.request('/healthz');
  expect(res.status).toBe(200);
}

it('refuses a declared oversized body (413) on every route that takes one, whoever sends it', async () => {
  const wrong: string[] = [];
  for (const { method, path } of bodyRoutes()) {
    const limit = isUpload(path) ? BODY_LIMITS.upload.maxBytes : path.startsWith('/api/') ? BODY_LIMITS.json.maxBytes : BODY_LIMITS.page.maxBytes;
    for (const actor of [actors[0]!, actors.find((a) => a.name === 'admin')!]) {
      // The declared length is over the limit; the body is small so the test stays cheap (the
      // guard answers from the header, before reading).
      const res = await t.app.request(path, {
        method, body: 'a=1',
        headers: { ...credentials(actor, path), 'content-type': isUpload(path) ? 'multipart/form-data; boundary=x' : 'application/x-www-form-urlencoded', 'content-length': String(limit + 1) },
      });
      if (res.status !== 413) wrong.push(`${actor.name} ${method} ${path} → ${res.status}`);
    }
  }
  expect(wrong).toEqual([]);
  await healthy();
});

it('refuses a streamed body of 100,000 fields on every route, as every actor, without a 5xx; pages and API answer 413 once they read it', async () => {
  const wrong: string[] = [];
  let refused = 0;
  for (const { method, path } of bodyRoutes()) {
    for (const actor of actors) {
      for (const [body, type] of [[FIELDS_100K, 'application/x-www-form-urlencoded'], [multipartParts(100_000).body, multipartParts(1).type]] as const) {
        const res = await t.app.request(path, { method, body: chunked(body), duplex: 'half', headers: { ...credentials(actor, path), 'content-type': type } } as RequestInit);
        const text = await res.text();
        if (res.status >= 500) wrong.push(`${actor.name} ${method} ${path} ${type} → ${res.status} ${text.slice(0, 80)}`);
        // Whatever read the body got a 413; a route that reads none answers for other reasons.
        if (res.status === 413) refused++;
        else if (res.status < 400 && !READS_NO_BODY.some((r) => r.test(path))) {
          wrong.push(`${actor.name} ${method} ${path} ${type} accepted → ${res.status}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(refused).toBeGreaterThan(50);
  await healthy();
}, 120_000);

it('counts fields while streaming: 2,001 urlencoded fields within the page byte limit are 413, 2,000 are not refused for their number', async () => {
  const admin = actors.find((a) => a.name === 'admin')!;
  const post = (fields: number) => t.app.request('/admin/users', {
    method: 'POST', body: chunked(`_csrf=${admin.session!.csrf}&${'a=&'.repeat(fields - 2)}b=`), duplex: 'half',
    headers: { ...credentials(admin, '/admin/users'), 'content-type': 'application/x-www-form-urlencoded' },
  } as RequestInit);
  expect((await post(BODY_LIMITS.page.maxFields + 1)).status).toBe(413);
  expect((await post(BODY_LIMITS.page.maxFields)).status).not.toBe(413);
});

it('takes 20 MB only as a multipart upload with one file: the same bytes urlencoded, or two files, are refused', async () => {
  const ent1 = { ...actors.find((a) => a.name === 'ent1')!, token: await apiToken(t.app, 'ent1@demo.local') };
  const path = `/api/v1/cases/${records.draft.id}/documents`;
  const big = 'a='.padEnd(200 * 1024, 'x');
  // The API refuses anything but multipart before reading; the page route reads it (for its
  // CSRF field) under the small page limit.
  const res = await t.app.request(path, { method: 'POST', body: chunked(big), duplex: 'half', headers: { ...credentials(ent1, path), 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);
  expect(res.status).toBe(400);
  const page = `/portal/cases/${records.draft.id}/documents`;
  const viaPage = await t.app.request(page, { method: 'POST', body: chunked(big), duplex: 'half', headers: { ...credentials(ent1, page), 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);
  expect(viaPage.status).toBe(413);
  const two = new FormData();
  two.set('kind', 'business-licence');
  two.append('file', new File([new TextEncoder().encode('%PDF-1.4 one')], 'a.pdf', { type: 'application/pdf' }));
  two.append('other', new File([new TextEncoder().encode('%PDF-1.4 two')], 'b.pdf', { type: 'application/pdf' }));
  const twoFiles = await t.app.request(path, { method: 'POST', body: two, headers: credentials(ent1, path) });
  expect(twoFiles.status).toBe(400);
  expect(((await twoFiles.json()) as { error: { message: string } }).error.message).toMatch(/one file/);
  const parts = multipartParts(BODY_LIMITS.upload.maxFields + 1);
  const many = await t.app.request(path, { method: 'POST', body: chunked(parts.body), duplex: 'half', headers: { ...credentials(ent1, path), 'content-type': parts.type } } as RequestInit);
  expect(many.status).toBe(413);
});

it('answers 413 with a page for people and the error shape of API.md for the API', async () => {
  const page = await t.app.request('/login', { method: 'POST', body: chunked(FIELDS_100K), duplex: 'half', headers: { origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);
  expect(page.status).toBe(413);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  expect(await page.text()).toContain('too many fields');
  const api = await t.app.request('/api/v1/tokens', { method: 'POST', body: chunked(`{"a":"${'x'.repeat(1024 * 1024)}"}`), duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
  expect(api.status).toBe(413);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('TOO_LARGE');
});
