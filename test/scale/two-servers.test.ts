// Two app servers on one PostgreSQL database, 20 clients racing events on one case across both:
// exactly one event is accepted per version, the version is 1 + the accepted events, every
// accepted event has its audit row and the audit chain verifies. A document uploaded through
// one server is read through the other (DOCUMENTS_PATH is shared).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresDb } from '../../src/db/postgres';
import { verifyAuditChain } from '../../src/domain/audit/verify-audit-chain';
import { startServer, type RunningServer } from '../../src/scripts/server-process';
import { scratchDatabase, seedAccounts } from '../helpers/pg';

let database: { url: string; drop: () => Promise<void> };
const documents = mkdtempSync(join(tmpdir(), 'chengjie-shared-docs-'));
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  database = await scratchDatabase('chengjie_two');
  await seedAccounts(database.url);
  const env = { DATABASE_URL: database.url, DOCUMENTS_PATH: documents, DEMO_DATA: '0' };
  [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  rmSync(documents, { recursive: true, force: true });
});

async function api(base: string, token: string | null, method: string, path: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}

it('lets exactly one of 20 racing clients through per version, across two servers, and the chain verifies', async () => {
  const token = async (base: string, who: string) => (await api(base, null, 'POST', '/api/v1/tokens', { email: `${who}@demo.local`, password: 'demo-pass-2026' })).body.token as string;
  const ent = { [a.url]: await token(a.url, 'ent1'), [b.url]: await token(b.url, 'ent1') };
  const officer = { [a.url]: await token(a.url, 'officer'), [b.url]: await token(b.url, 'officer') };
  const prog = (await api(a.url, ent[a.url]!, 'GET', '/api/v1/programmes/special-fund')).body;
  const c = (await api(a.url, ent[a.url]!, 'POST', '/api/v1/cases', { programme: 'special-fund', form: prog.example })).body;
  const uploaded: number[] = [];
  for (const d of prog.documents.filter((x: any) => x.required)) {
    const form = new FormData();
    form.set('kind', d.kind);
    form.set('file', new Blob([`%PDF-1.4\n% ${d.kind}\n%%EOF\n`], { type: 'application/pdf' }), `${d.kind}.pdf`);
    const up = await fetch(`${a.url}/api/v1/cases/${c.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${ent[a.url]}` }, body: form });
    expect(up.status).toBe(201);
    uploaded.push(((await up.json()) as { id: number }).id);
  }
  // Uploaded through a, read through b.
  const read = await fetch(`${b.url}/api/v1/cases/${c.id}/documents/${uploaded[0]}`, { headers: { authorization: `Bearer ${ent[b.url]}` } });
  expect(read.status).toBe(200);
  expect(await read.text()).toMatch(/^%PDF-1\.4/);
  expect((await api(b.url, ent[b.url]!, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'applicant.submit', version: 1, data: {} })).status).toBe(200);

  // Rounds of 20 clients, 10 on each server, all sending the same version.
  const rounds: [Record<string, string>, string][] = [[officer, 'officer.return'], [ent, 'applicant.resubmit'], [officer, 'officer.return'], [ent, 'applicant.resubmit']];
  let accepted = 1; // the submission
  for (const [tokens, type] of rounds) {
    const view = (await api(a.url, tokens[a.url]!, 'GET', `/api/v1/cases/${c.id}`)).body;
    const ev = view.allowedEvents.find((e: any) => e.type === type);
    expect(ev, `${type} offered in ${view.state}`).toBeDefined();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => {
      const base = i % 2 ? b.url : a.url;
      return api(base, tokens[base]!, 'POST', `/api/v1/cases/${c.id}/events`, { type, version: view.version, data: ev.example });
    }));
    const ok = answers.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body.version).toBe(view.version + 1);
    expect(answers.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.error.code === 'VERSION_CONFLICT')).toBe(true);
    accepted++;
  }

  const final = (await api(b.url, officer[b.url]!, 'GET', `/api/v1/cases/${c.id}`)).body;
  expect(final.version).toBe(1 + accepted);
  const db = await openPostgresDb(database.url);
  try {
    const events = Number(db.$client.prepare("select count(*) from audit_events where case_id = ? and kind = 'event'").pluck().get(c.id));
    expect(events).toBe(accepted);
    const chain = verifyAuditChain(db);
    expect(chain).toMatchObject({ ok: true, firstBadId: null });
    expect(chain.checked).toBeGreaterThan(accepted);
  } finally {
    db.$client.close();
  }
  const auditor = await token(b.url, 'auditor');
  expect((await api(b.url, auditor, 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
}, 180_000);
