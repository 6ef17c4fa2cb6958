// The crash test: load against a real server process, SIGKILL at random moments, restart on the
// same database, and check after every restart that nothing answered 2xx was lost, nothing
// was applied twice, the file is intact, the audit chain verifies and versions add up.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { verifyAuditChain } from '../domain/audit/verify-audit-chain';
import type { Db } from '../db/client';
import { startServer, type RunningServer } from './server-process';

export interface CrashReport { kills: number; acknowledged: number; unanswered: number; cases: number; problems: string[] }

interface Api { url: string; token: Record<string, string> }

async function call(api: Api, who: string, method: string, path: string, body?: unknown, key?: string) {
  const r = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token[who]}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}

async function step(api: Api, who: string, id: number, type: string) {
  const c = (await call(api, who, 'GET', `/api/v1/cases/${id}`)).body;
  const ev = c.allowedEvents.find((e: any) => e.type === type);
  if (!ev) throw new Error(`${who} cannot ${type} on ${id} in ${c.state}`);
  const r = await call(api, who, 'POST', `/api/v1/cases/${id}/events`, { type, version: c.version, data: ev.example });
  if (r.status !== 200) throw new Error(`${type}: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Sinosure cases with an issued policy: shipment declarations can be sent to them without end. */
async function prepareCases(api: Api, n: number): Promise<number[]> {
  const prog = (await call(api, 'ent1', 'GET', '/api/v1/programmes/sinosure-credit-insurance')).body;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = (await call(api, 'ent1', 'POST', '/api/v1/cases', { programme: 'sinosure-credit-insurance', form: prog.example })).body;
    for (const d of prog.documents) {
      const form = new FormData();
      form.set('kind', d.kind);
      form.set('file', new Blob([Buffer.from(`%PDF-1.4\n% ${d.kind}\n%%EOF\n`)], { type: 'application/pdf' }), `${d.kind}.pdf`);
      await fetch(`${api.url}/api/v1/cases/${c.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${api.token.ent1}` }, body: form });
    }
    await step(api, 'ent1', c.id, 'applicant.submit');
    await step(api, 'sinosure', c.id, 'liaison.start-underwriting');
    await step(api, 'sinosure', c.id, 'liaison.prepare-policy');
    await step(api, 'sinosure2', c.id, 'liaison.issue-policy');
    // Shipments are covered only up to an approved buyer credit limit.
    await step(api, 'ent1', c.id, 'applicant.request-limit');
    await step(api, 'sinosure', c.id, 'liaison.approve-limit');
    ids.push(c.id);
  }
  return ids;
}

export async function runCrashTest(opts: { kills: number; log?: (s: string) => void }): Promise<CrashReport> {
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-crash-'));
  const dbPath = join(dir, 'crash.db');
  const env = { SCHEDULER_INTERVAL_SECONDS: '3600' };
  let server: RunningServer = await startServer({ dbPath, env });
  const port = Number(new URL(server.url).port); // restarts come back on the same address
  const api: Api = { url: server.url, token: {} };
  for (const who of ['ent1', 'sinosure', 'sinosure2']) {
    api.token[who] = (await (await fetch(`${api.url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@demo.local`, password: 'demo-pass-2026' }) })).json() as any).token;
  }
  const ids = await prepareCases(api, 4);
  const acked = new Map<string, { caseId: number; version: number }>();
  const unanswered = new Map<string, { caseId: number; type: string; data: unknown; version: number }>();
  const problems: string[] = [];
  let seq = 0;

  for (let kill = 1; kill <= opts.kills; kill++) {
    let running = true;
    const worker = async () => {
      while (running) {
        const caseId = ids[seq % ids.length]!;
        const key = `crash-${seq++}`;
        try {
          const c = await call(api, 'ent1', 'GET', `/api/v1/cases/${caseId}`);
          const ev = c.body.allowedEvents.find((e: any) => e.type === 'applicant.declare-shipment');
          const body = { type: 'applicant.declare-shipment', version: c.body.version, data: ev.example, comment: key };
          unanswered.set(key, { caseId, type: body.type, data: body.data, version: body.version });
          const r = await call(api, 'ent1', 'POST', `/api/v1/cases/${caseId}/events`, body, key);
          unanswered.delete(key);
          if (r.status === 200) acked.set(key, { caseId, version: r.body.version });
        } catch { /* the server died mid-request: the key stays unanswered */ }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
    await server.kill();
    running = false;
    await Promise.allSettled(workers);
    problems.push(...checkDatabase(dbPath, acked, kill));
    server = await startServer({ dbPath, port, env });
    // A client that got no answer retries with the same key: applied at most once.
    for (const [key, u] of [...unanswered].slice(0, 5)) {
      const r = await call(api, 'ent1', 'POST', `/api/v1/cases/${u.caseId}/events`, { type: u.type, version: u.version, data: u.data, comment: key }, key);
      unanswered.delete(key);
      if (r.status === 200) acked.set(key, { caseId: u.caseId, version: r.body.version });
    }
    log(`kill ${kill}/${opts.kills}: ${acked.size} acknowledged events, ${problems.length} problems`);
  }
  await server.kill();
  problems.push(...checkDatabase(dbPath, acked, opts.kills + 1));
  rmSync(dir, { recursive: true, force: true });
  return { kills: opts.kills, acknowledged: acked.size, unanswered: unanswered.size, cases: ids.length, problems };
}

function checkDatabase(dbPath: string, acked: Map<string, { caseId: number; version: number }>, round: number): string[] {
  const sqlite = new Database(dbPath);
  const problems: string[] = [];
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`round ${round}: integrity_check says ${integrity}`);
    const chain = verifyAuditChain(drizzle(sqlite) as unknown as Db);
    if (!chain.ok) problems.push(`round ${round}: audit chain broken at row ${chain.firstBadId}`);
    const rows = sqlite.prepare("select case_id, version, comment from audit_events where kind = 'event' and comment like 'crash-%'").all() as { case_id: number; version: number; comment: string }[];
    const byKey = new Map<string, number>();
    for (const r of rows) byKey.set(r.comment, (byKey.get(r.comment) ?? 0) + 1);
    for (const [key, n] of byKey) if (n > 1) problems.push(`round ${round}: ${key} applied ${n} times`);
    for (const [key, a] of acked) {
      if (!rows.some((r) => r.comment === key && r.case_id === a.caseId && r.version === a.version)) problems.push(`round ${round}: acknowledged ${key} (case ${a.caseId} v${a.version}) is missing`);
    }
    const versions = sqlite.prepare(`select c.id, c.version, (select count(*) from audit_events a where a.case_id = c.id and a.kind = 'event') as events from cases c`).all() as { id: number; version: number; events: number }[];
    for (const v of versions) if (v.version !== v.events + 1) problems.push(`round ${round}: case ${v.id} has version ${v.version} but ${v.events} events`);
  } finally {
    sqlite.close();
  }
  return problems;
}
