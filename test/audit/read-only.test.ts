import { beforeAll, expect, test } from 'vitest';
import { apiRequest, apiToken, formPost, login, makeTestApp, type TestApp } from '../helpers/index';
import { declinedEximCase, demoUser } from '../decisions/drive-case';
import { proposeCorrection } from '../../src/domain/decisions/propose-correction';
import { workflowFor } from '../../workflows/index';

// Routes that change only the caller's own session (or create a new account, open to anyone):
// an auditor must still be able to sign in and out.
const SESSION_ROUTES = new Set(['/login', '/logout', '/lang', '/register', '/api/v1/tokens', '/api/v1/tokens/current']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let ids: { caseId: number; decisionId: number; correctionId: number };

beforeAll(async () => {
  t = await makeTestApp();
  const done = await declinedEximCase(t.deps);
  const correction = proposeCorrection(t.deps, demoUser(t.deps, 'exim@demo.local'), done.decisionId, { reasons: '理由表述更正 / Wording' });
  ids = { caseId: done.caseId, decisionId: done.decisionId, correctionId: correction.id };
});

/** A well-formed multipart upload, so that only the role can be the reason for a refusal. */
function upload(path: string, token: string) {
  const form = new FormData();
  form.set('kind', 'business-licence');
  form.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a])], 'licence.pdf', { type: 'application/pdf' }));
  return t.app.request(path, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

/** A concrete path for a route pattern: ids of real records, so that refusals are not 404s. */
function concrete(path: string): string {
  return path
    .replace(/\/corrections\/:c?id(\{[^}]*\})?/, `/corrections/${ids.correctionId}`)
    .replace(/\/cases\/:id(\{[^}]*\})?/, `/cases/${ids.caseId}`)
    .replace(/\/decisions\/:id(\{[^}]*\})?/, `/decisions/${ids.decisionId}`)
    .replace(/:[A-Za-z]+(\{[^}]*\})?/g, '1');
}

function writeRoutes() {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => WRITES.has(r.method) && !SESSION_ROUTES.has(r.path) && !r.path.includes('*'))
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
}

test('the route table has state-changing routes to walk (the walk is not vacuous)', () => {
  const routes = writeRoutes().map((r) => `${r.method} ${r.path}`);
  expect(routes).toContain('POST /decisions/:id{[0-9]+}/corrections');
  expect(routes).toContain('POST /api/v1/cases/:id/events');
});

test('every state-changing page route answers 403 to an auditor (with a valid CSRF token)', async () => {
  const s = await login(t.app, 'auditor@demo.local');
  const refused: string[] = [];
  for (const r of writeRoutes().filter((x) => !x.path.startsWith('/api/'))) {
    const res = r.method === 'POST'
      ? await formPost(t.app, concrete(r.path), { reasons: '审计人员试图更改', note: 'x' }, { cookie: s.cookie, csrf: s.csrf })
      : await t.app.request(concrete(r.path), { method: r.method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'http://localhost:3000' } });
    if (res.status !== 403) refused.push(`${r.method} ${r.path} → ${res.status}`);
  }
  expect(refused).toEqual([]);
  expect(writeRoutes().filter((x) => !x.path.startsWith('/api/')).length).toBeGreaterThan(0);
});

test('every state-changing API route answers 403 to an auditor, given a body that is otherwise well formed', async () => {
  const token = await apiToken(t.app, 'auditor@demo.local');
  const bodies: Record<string, unknown> = {
    '/api/v1/cases': { programme: 'exim-order-finance', form: workflowFor('exim-order-finance')!.formExample },
    '/api/v1/cases/:id/events': { type: 'liaison.decline', version: 3, data: { reason: '审计人员试图更改' } },
    '/api/v1/decisions/:id/corrections': { reasons: '审计人员试图更改' },
    '/api/v1/cases/:id/declarations': { conflict: false },
  };
  const wrong: string[] = [];
  for (const r of writeRoutes().filter((x) => x.path.startsWith('/api/'))) {
    const res = r.path.endsWith('/documents') ? await upload(concrete(r.path), token) : await apiRequest(t.app, r.method, concrete(r.path), bodies[r.path] ?? {}, token);
    if (res.status !== 403) wrong.push(`${r.method} ${r.path} → ${res.status} ${(await res.text()).slice(0, 120)}`);
  }
  expect(wrong).toEqual([]);
});
