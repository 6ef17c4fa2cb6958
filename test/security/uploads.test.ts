// Uploads beyond test/portal/documents.test.ts (which covers API 413, magic bytes, x.pdf.exe and
// ../ names): the page form's 413, SVG and HTML disguised as images, control and bidi characters
// in names, a PDF named .html served back, and the API's 1 MB JSON limit.
import { beforeEach, expect, it } from 'vitest';
import { documents } from '../../src/db/schema/index';
import { apiRequest, apiToken, login, makeTestApp, type Session, type TestApp } from '../helpers/index';
import { PDF, PNG, startDraft, upload } from '../portal/portal-helpers';

let t: TestApp;
let token: string;
let session: Session;
let caseId: number;

beforeEach(async () => {
  t = await makeTestApp();
  token = await apiToken(t.app, 'ent1@demo.local');
  session = await login(t.app, 'ent1@demo.local');
  caseId = await startDraft(t.app, session);
});

const api = () => `/api/v1/cases/${caseId}/documents`;

it('answers 413 to an oversize file through the page form too, and stores nothing', async () => {
  const big = new Uint8Array(21 * 1024 * 1024 + 1);
  big.set(PDF());
  const res = await upload(t.app, `/portal/cases/${caseId}/documents`, { bytes: big, name: 'big.pdf' }, 'business-licence', { session });
  expect(res.status).toBe(413);
  expect(t.deps.db.select().from(documents).all()).toHaveLength(0);
});

it('refuses SVG and HTML whatever they are called (422), since only PDF, JPEG and PNG bytes pass', async () => {
  for (const [text, name, type] of [
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'logo.png', 'image/png'],
    ['<!doctype html><script>alert(1)</script>', 'scan.jpg', 'image/jpeg'],
    ['  %PDF-1.4 leading spaces do not make a PDF', 'x.pdf', 'application/pdf'],
  ] as const) {
    const res = await upload(t.app, api(), { bytes: new TextEncoder().encode(text), name, type }, 'business-licence', { token });
    expect(res.status, name).toBe(422);
  }
  expect(t.deps.db.select().from(documents).all()).toHaveLength(0);
});

it('takes control, bidi and quote characters out of the original name', async () => {
  const names = ['invoice\u202Efdp.exe', 'a\u0000b.pdf', 'x".pdf', 'C:\\Users\\..\\secret.pdf', `${'长'.repeat(400)}.pdf`, '.pdf'];
  for (const name of names) {
    const res = await upload(t.app, api(), { bytes: PDF(), name }, 'business-licence', { token });
    expect(res.status, JSON.stringify(name)).toBe(201);
    const { filename } = (await res.json()) as { filename: string };
    expect(filename, JSON.stringify(name)).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069"\\/<>]/);
    expect(filename.endsWith('.pdf')).toBe(true);
    expect(filename.length).toBeLessThanOrEqual(260);
  }
});

it('serves a PDF uploaded as page.html back as an attachment under our own name, as a PDF', async () => {
  const res = await upload(t.app, api(), { bytes: PDF('<script>alert(1)</script>'), name: 'page.html', type: 'text/html' }, 'business-licence', { token });
  expect(res.status).toBe(201);
  const { id, filename } = (await res.json()) as { id: number; filename: string };
  expect(filename).toBe('page.pdf');
  for (const path of [`/api/v1/cases/${caseId}/documents/${id}`]) {
    const dl = await apiRequest(t.app, 'GET', path, undefined, token);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9_.-]+"$/);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
  }
  const page = await t.app.request(`/portal/cases/${caseId}/documents/${id}`, { headers: { cookie: session.cookie } });
  expect(page.headers.get('content-type')).toBe('application/pdf');
  expect(page.headers.get('content-disposition')).toMatch(/^attachment;/);
});

it('answers 413 to a JSON body over 1 MB and 400/413 to a multipart body that is not one, never 500', async () => {
  const big = JSON.stringify({ programme: 'special-fund', form: { x: 'a'.repeat(1024 * 1024) } });
  expect((await apiRequest(t.app, 'POST', '/api/v1/cases', big, token)).status).toBe(413);
  const broken = await t.app.request(api(), {
    method: 'POST', body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
  });
  expect([400, 422]).toContain(broken.status);
  const png = await upload(t.app, api(), { bytes: PNG(), name: 'a.png' }, 'no-such-kind', { token });
  expect(png.status).toBe(422);
});
