// The outbox survives a crash: a change is committed while its receiver is unreachable, the
// server is killed (SIGKILL) before the delivery went out, and once the server is started again
// on the same database the delivery arrives, signed, with its original id.
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { freePort, startServer } from '../../src/scripts/server-process';
import { workflowFor } from '../../workflows/index';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { verifySignature } from '../webhooks/receiver';

const PDF = new TextEncoder().encode('%PDF-1.4\n% crash\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function json(url: string, method: string, token: string | null, body?: unknown) {
  const res = await fetch(url, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

it('delivers a committed change after the server was killed between the commit and the delivery', async () => {
  const receiverPort = await freePort(); // nothing listens there yet: every attempt fails
  const env = { WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SECONDS: '0.5' };
  const first = await startServer({ env });
  const api = `${first.url}/api/v1`;
  const token = async (email: string) => (await json(`${api}/tokens`, 'POST', null, { email, password: 'demo-pass-2026' })).body.token as string;
  const exim = await token('exim@demo.local');
  const hook = await json(`${api}/webhooks`, 'POST', exim, { url: `http://127.0.0.1:${receiverPort}/hook`, events: ['case.moved'] });
  expect(hook.status).toBe(201);

  const ent = await token('ent1@demo.local');
  const w = workflowFor('exim-order-finance')!;
  const created = await json(`${api}/cases`, 'POST', ent, { programme: w.code, form: w.formExample });
  expect(created.status).toBe(201);
  for (const d of w.documents.filter((k) => k.required)) {
    const fd = new FormData();
    fd.set('kind', d.kind);
    fd.set('file', new Blob([PDF], { type: 'application/pdf' }), `${d.kind}.pdf`);
    expect((await fetch(`${api}/cases/${created.body.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${ent}` }, body: fd })).status).toBe(201);
  }
  const submitted = await json(`${api}/cases/${created.body.id}/events`, 'POST', ent, { type: 'applicant.submit', version: 1 });
  expect(submitted.status).toBe(200); // committed

  await first.kill();
  const db = new Database(first.dbPath, { readonly: true });
  const pending = db.prepare(`select delivery_id as id, status from webhook_deliveries where case_id = ?`).all(created.body.id) as { id: string; status: string }[];
  db.close();
  expect(pending.length).toBe(1);
  expect(pending[0]!.status).toBe('pending'); // not delivered before the crash

  const got: { headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => { got.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => server.listen(receiverPort, '127.0.0.1', r));
  const second = await startServer({ dbPath: first.dbPath, env });
  try {
    const deadline = Date.now() + 30_000;
    while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(got.length).toBe(1);
    const delivery = got[0]!;
    expect(delivery.headers['x-chengjie-delivery']).toBe(pending[0]!.id);
    expect(verifySignature(hook.body.secret, String(delivery.headers['x-chengjie-signature']), delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ id: pending[0]!.id, type: 'case.moved', caseId: created.body.id, to: 'submitted' });
  } finally {
    await second.stop();
    server.closeAllConnections();
    server.close();
    rmSync(first.dir, { recursive: true, force: true });
  }
}, 180_000);
