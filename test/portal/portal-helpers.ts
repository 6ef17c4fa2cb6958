// Small helpers for the portal tests: files with the right first bytes, uploads, page checks.
import { HtmlValidate } from 'html-validate';
import { expect } from 'vitest';
import type { App } from '../../src/app';
import { OWN_ORIGIN, formPost, get, type Session } from '../helpers/index';

export const PDF = (text = 'hello') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
export const PNG = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

/** A multipart upload as the API receives it (bearer token) or as the page form sends it (cookie + _csrf). */
export function upload(app: App, path: string, file: { bytes: Uint8Array; name: string; type?: string }, kind: string,
  auth: { token?: string; session?: Session }) {
  const fd = new FormData();
  fd.set('kind', kind);
  fd.set('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  if (auth.session) fd.set('_csrf', auth.session.csrf);
  return app.request(path, {
    method: 'POST', body: fd,
    headers: {
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.session ? { cookie: auth.session.cookie, origin: OWN_ORIGIN } : {}),
    },
  });
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Style preferences, not validity: hono/jsx writes `<input/>`, `required=""` and a lower-case doctype.
    'void-style': 'off', 'attribute-boolean-style': 'off', 'doctype-style': 'off',
    'no-trailing-whitespace': 'off', 'long-title': 'off',
    // The header's unread badge (views/layout.tsx, not the portal's file) puts aria-label on a
    // <span>; reported to its owner. Everything the portal renders is checked with this rule on
    // in portal-views.test.ts, where the layout is not involved.
    'aria-label-misuse': 'off',
  },
});

/** The page must be valid HTML; the messages are shown when not. */
export async function expectValidHtml(html: string, what: string) {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} @${m.line}:${m.column} ${m.message} :: ${m.selector ?? ''}`));
  expect(messages, `${what} HTML errors`).toEqual([]);
}

/** GET a page and check it is 200 and valid. */
export async function validPage(app: App, path: string, session: Session) {
  const res = await get(app, path, session.cookie);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(200);
  await expectValidHtml(html, path);
  return html;
}

export function post(app: App, path: string, session: Session, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  if (Object.keys(headers).length === 0) return formPost(app, path, fields, { cookie: session.cookie, csrf: session.csrf });
  return app.request(path, {
    method: 'POST', body: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN, cookie: session.cookie, ...headers },
  });
}

/** Opens a draft of a programme through the page and returns its id. */
export async function startDraft(app: App, session: Session, programme = 'special-fund'): Promise<number> {
  const res = await post(app, `/programmes/${programme}/apply`, session);
  expect(res.status).toBe(303);
  const m = /\/portal\/cases\/(\d+)\/form/.exec(res.headers.get('location') ?? '');
  expect(m).not.toBeNull();
  return Number(m![1]);
}

/** The example form of a programme as the page's dotted fields. */
export function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, name));
    else if (v !== undefined && v !== null) out[name] = String(v);
  }
  return out;
}
