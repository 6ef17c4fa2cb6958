// POST/GET /api/v1/cases/:id/documents and the page form: limits, magic bytes, names, access, audit.
import { eq } from 'drizzle-orm';
import { existsSync, readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, documents } from '../../src/db/schema/index';
import { apiRequest, apiToken, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { documentsDir } from '../../src/domain/documents/document-store';
import { JPEG, PDF, PNG, startDraft, upload } from './portal-helpers';

let t: TestApp;
let token: string;
let caseId: number;

beforeEach(async () => {
  t = await makeTestApp();
  token = await apiToken(t.app, 'ent1@demo.local');
  caseId = await startDraft(t.app, await login(t.app, 'ent1@demo.local'));
});

const api = (id = caseId) => `/api/v1/cases/${id}/documents`;

describe('document upload (API)', () => {
  it('stores a PDF under a server name with its SHA-256, and audits it', async () => {
    const res = await upload(t.app, api(), { bytes: PDF(), name: 'licence.pdf' }, 'business-licence', { token });
    expect(res.status).toBe(201);
    const body = await res.json() as { id: number; sha256: string; size: number; filename: string; kind: string };
    expect(body).toMatchObject({ kind: 'business-licence', filename: 'licence.pdf', size: PDF().length });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = t.deps.db.select().from(documents).where(eq(documents.id, body.id)).get()!;
    expect(row.storedName).not.toContain('licence');
    expect(existsSync(`${documentsDir(t.deps)}/${row.storedName}`)).toBe(true);
    const audit = t.deps.db.select().from(auditEvents).where(eq(auditEvents.kind, 'document')).all();
    expect(audit.map((a) => a.type)).toEqual(['document.uploaded']);
  });

  it('accepts JPEG and PNG by their first bytes', async () => {
    expect((await upload(t.app, api(), { bytes: JPEG(), name: 'a.jpg' }, 'project-plan', { token })).status).toBe(201);
    expect((await upload(t.app, api(), { bytes: PNG(), name: 'a.png' }, 'budget', { token })).status).toBe(201);
  });

  it('refuses a file whose bytes are not PDF/JPEG/PNG with 422, whatever its name and type say', async () => {
    const res = await upload(t.app, api(), { bytes: new TextEncoder().encode('<html><script>alert(1)</script>'), name: 'x.pdf', type: 'application/pdf' }, 'business-licence', { token });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNPROCESSABLE');
  });

  it('answers 413 above 20 MB', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF());
    const res = await upload(t.app, api(), { bytes: big, name: 'big.pdf' }, 'business-licence', { token });
    expect(res.status).toBe(413);
    expect(t.deps.db.select().from(documents).all()).toHaveLength(0);
  });

  it('handles a double extension: x.pdf.exe holding a PNG is stored and shown as a PNG', async () => {
    const res = await upload(t.app, api(), { bytes: PNG(), name: 'x.pdf.exe' }, 'business-licence', { token });
    expect(res.status).toBe(201);
    const body = await res.json() as { id: number; filename: string };
    expect(body.filename).toBe('x_pdf.png');
    expect(t.deps.db.select().from(documents).where(eq(documents.id, body.id)).get()!.mime).toBe('image/png');
  });

  it('sanitises path traversal and markup in the original name', async () => {
    const res = await upload(t.app, api(), { bytes: PDF(), name: '../../etc/<b>passwd</b>.pdf' }, 'business-licence', { token });
    const body = await res.json() as { filename: string };
    expect(body.filename).not.toMatch(/[\/\\<>]/);
    expect(body.filename.endsWith('.pdf')).toBe(true);
    const res2 = await upload(t.app, api(), { bytes: PDF(), name: '..\\..\\windows\\win.ini' }, 'project-plan', { token });
    expect(((await res2.json()) as { filename: string }).filename).toBe('win.pdf');
    expect(readdirSync(documentsDir(t.deps)).every((n) => /^[0-9a-f-]{36}\.(pdf|png|jpg)$/.test(n))).toBe(true);
  });

  it('refuses a kind the programme does not ask for (422) and a body without a file (400)', async () => {
    expect((await upload(t.app, api(), { bytes: PDF(), name: 'a.pdf' }, 'passport', { token })).status).toBe(422);
    const fd = new FormData();
    fd.set('kind', 'business-licence');
    const res = await t.app.request(api(), { method: 'POST', body: fd, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect((await apiRequest(t.app, 'POST', api(), { kind: 'x' }, token)).status).toBe(400);
  });

  it('replacing marks the older one replaced', async () => {
    await upload(t.app, api(), { bytes: PDF('one'), name: 'a.pdf' }, 'business-licence', { token });
    await upload(t.app, api(), { bytes: PDF('two'), name: 'b.pdf' }, 'business-licence', { token });
    const rows = t.deps.db.select().from(documents).all();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.replacedAt).not.toBeNull();
    expect(rows[1]!.replacedAt).toBeNull();
  });

  it('downloads as an attachment with our own name and nosniff, and audits the download', async () => {
    const up = await (await upload(t.app, api(), { bytes: PDF(), name: 'evil"name.pdf' }, 'business-licence', { token })).json() as { id: number; sha256: string };
    const res = await apiRequest(t.app, 'GET', `${api()}/${up.id}`, undefined, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="SF-\d{4}-\d+-business-licence-\d+\.pdf"$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF());
    expect(t.deps.db.select().from(auditEvents).where(eq(auditEvents.kind, 'download')).all()).toHaveLength(1);
    expect((await apiRequest(t.app, 'GET', `${api()}/999999`, undefined, token)).status).toBe(404);
    expect((await apiRequest(t.app, 'GET', `${api()}/abc`, undefined, token)).status).toBe(404);
  });

  it("another enterprise's applicant gets 404 on the case, its documents and its upload", async () => {
    const up = await (await upload(t.app, api(), { bytes: PDF(), name: 'a.pdf' }, 'business-licence', { token })).json() as { id: number };
    const other = await apiToken(t.app, 'ent2@demo.local');
    expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${caseId}`, undefined, other)).status).toBe(404);
    expect((await apiRequest(t.app, 'GET', `${api()}/${up.id}`, undefined, other)).status).toBe(404);
    expect((await upload(t.app, api(), { bytes: PDF(), name: 'a.pdf' }, 'business-licence', { token: other })).status).toBe(404);
    const s2 = await login(t.app, 'ent2@demo.local');
    expect((await get(t.app, `/portal/cases/${caseId}`, s2.cookie)).status).toBe(404);
    expect((await get(t.app, `/portal/cases/${caseId}/form`, s2.cookie)).status).toBe(404);
    expect((await get(t.app, `/portal/cases/${caseId}/documents/${up.id}`, s2.cookie)).status).toBe(404);
    expect((await upload(t.app, `/portal/cases/${caseId}/documents`, { bytes: PDF(), name: 'a.pdf' }, 'business-licence', { session: s2 })).status).toBe(404);
    // no token at all: 401
    expect((await apiRequest(t.app, 'GET', `${api()}/${up.id}`)).status).toBe(401);
  });
});

describe('document upload (page form)', () => {
  it('uploads with the session and _csrf, then lists the file with size and checksum', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    const res = await upload(t.app, `/portal/cases/${caseId}/documents`, { bytes: PDF(), name: '营业执照.pdf' }, 'business-licence', { session: s });
    expect(res.status).toBe(303);
    const html = await (await get(t.app, `/portal/cases/${caseId}`, s.cookie)).text();
    expect(html).toContain('营业执照.pdf');
    const sha = t.deps.db.select().from(documents).get()!.sha256;
    expect(html).toContain(sha);
  });

  it('shows a refused upload on the case page with its status, never a 500', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    const res = await upload(t.app, `/portal/cases/${caseId}/documents`, { bytes: new Uint8Array([1, 2, 3]), name: 'a.pdf' }, 'business-licence', { session: s });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('PDF');
    const noCsrf = await upload(t.app, `/portal/cases/${caseId}/documents`, { bytes: PDF(), name: 'a.pdf' }, 'business-licence', { session: { ...s, csrf: 'wrong' } });
    expect(noCsrf.status).toBe(403);
  });
});
