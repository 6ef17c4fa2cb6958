// An XSS corpus through every text field an applicant or staff member fills, then every page
// that shows it: the payload must appear only escaped (inert), never as markup.
import { beforeAll, expect, test } from 'vitest';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { workflowFor } from '../../workflows/index';
import { send } from '../engine/drive';
import { apiRequest, formPost, get, login, makeTestApp, OWN_ORIGIN, type TestApp } from '../helpers/index';
import { flatten } from '../portal/portal-helpers';
import { PDF_BYTES } from './fixture';

// Short enough for 100-character fields; LONG for the rest.
const SHORT = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
const LONG = `${SHORT}<a hx-get="/admin" hx-trigger="load">x</a>{{7*7}}</title><script>javascript:alert(1)\u202Egnp.exe`;

/** What must never appear in a page once a payload went through it (as markup; escaped text is fine). */
const RAW = [/<script>alert/i, /<img src=x/i, /<a hx-get="\/admin"/i, /<\/title><script>/i];

/** The real tags of a page with their attributes (values in quotes cannot hold a raw quote). */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>\/]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs = [...m[2]!.matchAll(/([^\s=>\/]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a): [string, string] => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

/** Markup a payload would have produced: inline script, event handlers, javascript: URLs, htmx aimed at /admin. */
function dangerous(html: string): string[] {
  const found = RAW.filter((re) => re.test(html)).map(String);
  for (const t of tags(html)) {
    if (t.name === 'script' && !t.attrs.some(([k]) => k === 'src')) found.push('<script> without src');
    for (const [k, v] of t.attrs) {
      if (k.startsWith('on')) found.push(`${t.name} ${k}=`);
      if (/^\s*javascript:/i.test(v)) found.push(`${t.name} ${k}="javascript:..."`);
      if (k.startsWith('hx-') && v.startsWith('/admin')) found.push(`${t.name} ${k}="${v}"`);
    }
  }
  return found;
}

let t: TestApp;
const pages: { who: string; path: string; html: string }[] = [];

/** Every string of the form ends with the payload, except those the schema refuses (dates, codes, enums). */
async function formWithPayload(token: string, programme: string) {
  const form = structuredClone(workflowFor(programme)!.formExample) as Record<string, unknown>;
  const leaves: [Record<string, unknown>, string, string][] = [];
  const walk = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') { leaves.push([o, k, v]); o[k] = `${v}${LONG}`; } else if (v && typeof v === 'object') walk(v as Record<string, unknown>);
    }
  };
  walk(form);
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme, form }, token);
    if (res.status === 201) return { id: ((await res.json()) as { id: number }).id, carried: leaves.filter(([o, k, v]) => o[k] !== v).length };
    const fields = ((await res.json()) as { error: { details?: { fields?: Record<string, string> } } }).error.details?.fields ?? {};
    for (const [o, k, v] of leaves) if (Object.keys(fields).some((f) => f === k || f.endsWith(`.${k}`))) o[k] = v;
  }
  throw new Error('no form with payloads was accepted');
}

beforeAll(async () => {
  t = await makeTestApp();
  // Registration: enterprise name and contact.
  const reg = await formPost(t.app, '/register', {
    enterpriseName: LONG, creditCode: '91310000MA1FL4B24G', province: '江西', city: '赣州', industry: 'electronics',
    customsCode: '3607960001', contactName: SHORT, contactPhone: '0797-8000 1000', email: 'xss@example.cn', password: 'a-long-password-1',
  });
  expect(reg.status).toBe(303);
  const applicant = await login(t.app, 'xss@example.cn', 'a-long-password-1');
  const token = ((await (await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'xss@example.cn', password: 'a-long-password-1' })).json()) as { token: string }).token;

  // Application form via the API, a document under a hostile name, submission.
  const exim = await formWithPayload(token, 'exim-order-finance');
  expect(exim.carried).toBeGreaterThan(0);
  for (const d of workflowFor('exim-order-finance')!.documents.filter((k) => k.required)) {
    const fd = new FormData();
    fd.set('kind', d.kind);
    fd.set('file', new File([PDF_BYTES()], `${SHORT}.pdf`, { type: 'application/pdf' }));
    expect((await t.app.request(`/api/v1/cases/${exim.id}/documents`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${token}` } })).status).toBe(201);
  }
  send(t.deps, 'xss@example.cn', exim.id, 'applicant.submit', undefined, LONG);
  // Staff: an internal comment, and a refusal with a reason and a comment (a decision letter follows).
  const liaison = await login(t.app, 'exim@demo.local');
  const comment = await t.app.request(`/workbench/cases/${exim.id}/comments`, {
    method: 'POST', body: new URLSearchParams({ body: LONG, _csrf: liaison.csrf }).toString(),
    headers: { cookie: liaison.cookie, origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(comment.status).toBe(303);
  send(t.deps, 'exim@demo.local', exim.id, 'liaison.decline', { reason: LONG }, LONG);
  await renderPendingDecisions(t.deps);
  const decision = t.deps.db.$client.prepare('select id, verification_code as code from decisions where case_id = ?').get(exim.id) as { id: number; code: string };

  // Autosave of a draft: every field of the page form carries the payload.
  const draft = await formWithPayload(token, 'special-fund');
  const autosave = await t.app.request(`/portal/cases/${draft.id}/form`, {
    method: 'POST', body: new URLSearchParams({ ...Object.fromEntries(Object.keys(flatten(workflowFor('special-fund')!.formExample as Record<string, unknown>)).map((k) => [k, LONG])), _csrf: applicant.csrf }).toString(),
    headers: { cookie: applicant.cookie, origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true' },
  });
  expect(autosave.status).toBeLessThan(500);
  pages.push({ who: 'applicant', path: 'autosave fragment', html: await autosave.text() });

  // Admin: a user named with the payload.
  const admin = await login(t.app, 'admin@demo.local');
  const created = await formPost(t.app, '/admin/users', { email: 'x@demo.local', name: SHORT, role: 'officer', password: 'a-long-password-1' }, { cookie: admin.cookie, csrf: admin.csrf });
  expect(created.status).toBe(200);

  const auditor = await login(t.app, 'auditor@demo.local');
  const visits: [string, string | undefined, string][] = [
    ['applicant', applicant.cookie, '/portal'], ['applicant', applicant.cookie, `/portal/cases/${exim.id}`],
    ['applicant', applicant.cookie, `/portal/cases/${draft.id}`], ['applicant', applicant.cookie, `/portal/cases/${draft.id}/form`],
    ['applicant', applicant.cookie, '/notifications'], ['applicant', applicant.cookie, `/decisions/${decision.id}`],
    ['exim', liaison.cookie, '/workbench?view=all'], ['exim', liaison.cookie, `/workbench/cases/${exim.id}`],
    ['auditor', auditor.cookie, '/audit'], ['auditor', auditor.cookie, `/audit/cases/${exim.id}`], ['auditor', auditor.cookie, '/audit/trail'],
    ['auditor', auditor.cookie, `/workbench/cases/${exim.id}`], ['admin', admin.cookie, '/admin/users'],
    ['anonymous', undefined, `/verify/${decision.code}`],
  ];
  for (const [who, cookie, path] of visits) {
    const res = await get(t.app, path, cookie);
    expect(res.status, `${who} ${path}`).toBe(200);
    pages.push({ who, path, html: await res.text() });
  }
}, 60_000);

test('the payloads reached the pages (escaped), so the check below is not vacuous', () => {
  const shown = pages.filter((p) => p.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;')).map((p) => p.path);
  expect(shown.length).toBeGreaterThanOrEqual(10);
  expect(pages.some((p) => p.html.includes('{{7*7}}'))).toBe(true);
});

test('no page renders a payload as markup: no script tag, event handler, hx- attribute or javascript: link of user text', () => {
  const raw = pages.flatMap((p) => dangerous(p.html).map((d) => `${p.who} ${p.path}: ${d}`));
  expect(raw).toEqual([]);
});

test('the check itself catches each payload when it is not escaped', () => {
  for (const p of [SHORT, LONG, '<a href="javascript:alert(1)">x</a>', '<div onmouseover="x">', '<button hx-post="/admin/users">']) {
    expect(dangerous(`<p>${p}</p>`), p).not.toEqual([]);
  }
  expect(dangerous(`<p>${LONG.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p><input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">`)).toEqual([]);
});
