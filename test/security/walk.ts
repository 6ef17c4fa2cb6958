// Turns the router's table into concrete requests (real ids of records the actor does and does
// not own) and sends them as an actor would: a session cookie with its CSRF token, or a bearer token.
import type { App } from '../../src/app';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { workflowFor } from '../../workflows/index';
import { apiToken, login, OWN_ORIGIN, type TestApp } from '../helpers/index';
import { PDF_BYTES, type Actor, type Records } from './fixture';
import type { Target } from './route-rules';

export interface Concrete { path: string; label: string; target: Target }

const MISSING_ID = 999_999;

/** Concrete paths for a route pattern, or an error naming the parameter nobody taught the walk. */
export function concretePaths(pattern: string, r: Records): Concrete[] | Error {
  const path = pattern.replace(/(:[A-Za-z]+)\{[^}]*\}/g, '$1'); // drop regex constraints: ':id{[0-9]+}' → ':id'
  let out: Concrete[];
  if (/\/cases\/:id\/documents\/:docId/.test(path)) {
    const withDoc = (c: Records['exim'], docId: number, label: string, docOfCase: boolean): Concrete =>
      ({ path: path.replace(':id', String(c.id)).replace(':docId', String(docId)), label, target: { case: c, docOfCase } });
    out = [withDoc(r.exim, r.exim.docId, 'ent1-exim doc', true), withDoc(r.cdb, r.cdb.docId, 'ent2-cdb doc', true),
      withDoc(r.draft, r.draft.docId, 'ent1-draft doc', true), withDoc(r.exim, r.cdb.docId, 'ent1-exim + ent2 doc', false)];
  } else if (/\/cases\/:id/.test(path)) {
    out = [r.exim, r.cdb, r.draft].map((c) => ({ path: path.replace(':id', String(c.id)), label: c.label, target: { case: c } }));
    out.push({ path: path.replace(':id', String(MISSING_ID)), label: 'missing case', target: {} });
  } else if (/\/decisions\/corrections\/:c?id/.test(path)) {
    out = [{ path: path.replace(/:c?id/, String(r.correctionId)), label: 'ent1-exim correction', target: { decisionOf: r.exim } },
      { path: path.replace(/:c?id/, String(MISSING_ID)), label: 'missing correction', target: { decisionOf: null } }];
  } else if (/\/decisions\/:(id|file)/.test(path)) {
    const file = path.includes(':file');
    const at = (id: number) => path.replace(file ? ':file' : ':id', file ? `${id}.pdf` : String(id));
    out = [{ path: at(r.decisionId), label: 'ent1-exim decision', target: { decisionOf: r.exim } },
      { path: at(MISSING_ID), label: 'missing decision', target: { decisionOf: null } }];
  } else {
    const fixed = path
      .replace(/^\/verify\/:code$/, `/verify/${r.verificationCode}`)
      .replace(/^\/invite\/:token$/, `/invite/${r.inviteToken}`)
      .replace(/^\/admin\/users\/:id/, `/admin/users/${r.spareUserId}`)
      .replace(/^\/workbench\/calls\/:id/, '/workbench/calls/1')
      .replace(/\/webhooks\/:id/, `/webhooks/${r.webhookId}`)
      .replace(/\/deliveries\/:deliveryId/, `/deliveries/${r.webhookDeliveryId}`)
      .replace(/^\/notifications\/:id/, `/notifications/${r.notificationId}`)
      .replace(/\/programmes\/:code/, '/programmes/exim-order-finance')
      .replace(/\/notices\/:caseId\//, `/notices/${r.exim.id}/`)
      .replace(/^\/static\/:file$/, '/static/app.css')
      .replace(/^\/(stats|statistics)\/:table$/, '/$1/locations.csv')
      .replace(/^\/audit\/trail\.csv$/, '/audit/trail.csv?from=2026-01-01&to=2026-12-31');
    out = [{ path: fixed, label: '', target: {} }];
  }
  const unresolved = out.find((c) => /\/:[A-Za-z]/.test(c.path));
  return unresolved ? new Error(`no substitution for a parameter of ${pattern} (${unresolved.path})`) : out;
}

/** A body that is well formed enough that only the actor's rights can be the reason for a refusal. */
function pageFields(path: string, deps: TestApp['deps']): Record<string, string> {
  const m = /^\/workbench\/cases\/(\d+)\/events$/.exec(path);
  if (m) {
    // An applicant's own event, through the staff route: the route, not only the engine, must refuse it.
    const row = getCaseRow(deps, Number(m[1]));
    return { type: 'applicant.withdraw', version: String(row?.version ?? 1), reason: 'walk' };
  }
  return { note: 'walk', reasons: 'walk', body: '' };
}

function apiBody(path: string): unknown {
  if (path === '/api/v1/cases') return { programme: 'special-fund', form: workflowFor('special-fund')!.formExample };
  return {};
}

function multipart(csrf?: string): FormData {
  const fd = new FormData();
  fd.set('kind', 'business-licence');
  fd.set('file', new File([PDF_BYTES()], 'walk.pdf', { type: 'application/pdf' }));
  if (csrf) fd.set('_csrf', csrf);
  return fd;
}

/** Sends one request as the actor; `fresh` replaces a credential the request would spend. */
export async function send(t: TestApp, actor: Actor, method: string, path: string, fresh = false): Promise<Response> {
  const app: App = t.app;
  const email = actor.user?.email;
  const session = fresh && email ? await login(app, email) : actor.session;
  const token = fresh && email ? await apiToken(app, email) : actor.token;
  const isApi = path.startsWith('/api/');
  const headers: Record<string, string> = {};
  if (isApi && token) headers.authorization = `Bearer ${token}`;
  if (!isApi && session) headers.cookie = session.cookie;
  if (method === 'GET' || method === 'DELETE') return app.request(path, { method, headers });
  if (path.endsWith('/documents')) {
    return app.request(path, { method, body: multipart(isApi ? undefined : session?.csrf), headers: { ...headers, ...(isApi ? {} : { origin: OWN_ORIGIN }) } });
  }
  if (isApi) return app.request(path, { method, body: JSON.stringify(apiBody(path)), headers: { ...headers, 'content-type': 'application/json' } });
  const body = new URLSearchParams(pageFields(path, t.deps));
  if (session) body.set('_csrf', session.csrf);
  return app.request(path, { method, body: body.toString(), headers: { ...headers, origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
}
