// Requests of the workbench tests: htmx form posts as the browser's htmx sends them.
import type { App } from '../../src/app';
import { caseHistory } from '../../src/domain/cases/case-view';
import type { Deps } from '../../src/domain/deps';
import { seedDemoCases } from '../../src/domain/setup/demo-cases';
import { makeTestApp, OWN_ORIGIN, type Session, type TestApp } from '../helpers/index';

/** The test app with the demo accounts and the demo cases. */
export async function demoApp(): Promise<TestApp> {
  const t = await makeTestApp();
  seedDemoCases(t.deps);
  return t;
}

export function caseByRef(deps: Deps, reference: string) {
  const row = deps.db.$client.prepare('select id, version, state from cases where reference = ?').get(reference) as { id: number; version: number; state: string } | undefined;
  if (!row) throw new Error(`no demo case ${reference}`);
  return row;
}

export const historyTypes = (deps: Deps, id: number) => caseHistory(deps, id).map((h) => h.type);

/** A form post with the session's CSRF header, as htmx sends it (hx-request: true unless plain). */
export function postForm(app: App, path: string, fields: Record<string, string | string[]>, s: Session, opts: { htmx?: boolean } = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request(path, {
    method: 'POST', body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN, cookie: s.cookie, 'x-csrf-token': s.csrf,
      ...(opts.htmx === false ? {} : { 'hx-request': 'true' }),
    },
  });
}
