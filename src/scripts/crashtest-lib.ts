// The crash test: load against a real server process under a restarting supervisor, SIGKILL at
// random moments, and check after every restart that nothing answered 2xx was lost, nothing
// was applied twice, the file is intact, the audit chain verifies and versions add up.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { verifyAuditChain } from '../domain/audit/verify-audit-chain';
import type { Db } from '../db/client';
import { openPostgresDb } from '../db/postgres';
import { startServer, superviseServer } from './server-process';

export interface CrashReport { kills: number; restarts: number; acknowledged: number; refused: number; retried: number; unanswered: number; cases: number; problems: string[] }

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

/**
 * The server runs under a supervisor that restarts it whenever it dies (superviseServer, as
 * systemd's `Restart=always` would); clients keep sending throughout and, like a careful client,
 * retry an unanswered event with the same idempotency key until they get an answer. Nothing may
 * be lost: every event ends up answered, every answered 2xx is in the database exactly once.
 */
export async function runCrashTest(opts: { kills: number; log?: (s: string) => void; databaseUrl?: string }): Promise<CrashReport> {
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-crash-'));
  const dbPath = join(dir, 'crash.db');
  // With a PostgreSQL database: a second server that is never killed shares the load and the database.
  const env: Record<string, string> = { SCHEDULER_INTERVAL_SECONDS: '3600', ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, DOCUMENTS_PATH: join(dir, 'documents') } : {}) };
  const server = await superviseServer({ dbPath, env });
  const steady = opts.databaseUrl ? await startServer({ env }) : null;
  const api: Api = { url: server.url, token: {} };
  for (const who of ['ent1', 'sinosure', 'sinosure2']) {
    api.token[who] = (await (await fetch(`${api.url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@demo.local`, password: 'demo-pass-2026' }) })).json() as any).token;
  }
  const apis: Api[] = steady ? [api, { url: steady.url, token: api.token }] : [api];
  const check = (round: number) => checkDatabase(opts.databaseUrl ?? dbPath, acked, refused, round);
  const ids = await prepareCases(api, 4);
  const acked = new Map<string, { caseId: number; version: number }>();
  const refused = new Set<string>();
  const unanswered = new Map<string, { caseId: number; type: string; data: unknown; version: number }>();
  const problems: string[] = [];
  let seq = 0;
  let retried = 0;
  let running = true;

  /** Asks until the server answers: a connection refused or cut while it restarts is retried. */
  async function untilAnswered<T>(ask: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await ask();
      } catch {
        if (attempt > 600) throw new Error('the server did not come back within a minute');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  const worker = async (_: unknown, n: number) => {
    const api = apis[n % apis.length]!;
    while (running) {
      const caseId = ids[seq % ids.length]!;
      const key = `crash-${seq++}`;
      const c = await untilAnswered(() => call(api, 'ent1', 'GET', `/api/v1/cases/${caseId}`));
      const ev = c.body?.allowedEvents?.find((e: any) => e.type === 'applicant.declare-shipment');
      if (!ev) continue;
      const body = { type: 'applicant.declare-shipment', version: c.body.version, data: ev.example, comment: key };
      unanswered.set(key, { caseId, type: body.type, data: body.data, version: body.version });
      let first = true;
      const r = await untilAnswered(() => {
        if (!first) retried++;
        first = false;
        return call(api, 'ent1', 'POST', `/api/v1/cases/${caseId}/events`, body, key);
      });
      unanswered.delete(key);
      if (r.status === 200) acked.set(key, { caseId, version: r.body.version });
      else refused.add(key);
    }
  };
  const workers = Array.from({ length: 8 }, worker);

  for (let kill = 1; kill <= opts.kills; kill++) {
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
    server.current().kill('SIGKILL');
    await server.restarted(kill);
    problems.push(...(await check(kill)));
    log(`kill ${kill}/${opts.kills}: restarted by the supervisor; ${acked.size} acknowledged events, ${retried} retries, ${problems.length} problems`);
  }
  await new Promise((r) => setTimeout(r, 500)); // load after the last restart too
  running = false;
  await Promise.all(workers);
  await server.stop();
  await steady?.stop();
  for (const key of unanswered.keys()) problems.push(`${key} was never answered`);
  problems.push(...(await check(opts.kills + 1)));
  rmSync(dir, { recursive: true, force: true });
  return { kills: opts.kills, restarts: server.restarts(), acknowledged: acked.size, refused: refused.size, retried, unanswered: unanswered.size, cases: ids.length, problems };
}

async function checkDatabase(target: string, acked: Map<string, { caseId: number; version: number }>, refused: Set<string>, round: number): Promise<string[]> {
  const pg = target.startsWith('postgres') ? await openPostgresDb(target) : null;
  const sqlite = pg ? pg.$client : new Database(target);
  const problems: string[] = [];
  try {
    // PostgreSQL checks its pages itself (and has no integrity_check); SQLite's file is checked here.
    const integrity = pg ? 'ok' : sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`round ${round}: integrity_check says ${integrity}`);
    const chain = verifyAuditChain(pg ?? (drizzle(sqlite) as unknown as Db));
    if (!chain.ok) problems.push(`round ${round}: audit chain broken at row ${chain.firstBadId}`);
    const rows = sqlite.prepare("select case_id, version, comment from audit_events where kind = 'event' and comment like 'crash-%'").all() as { case_id: number; version: number; comment: string }[];
    const byKey = new Map<string, number>();
    for (const r of rows) byKey.set(r.comment, (byKey.get(r.comment) ?? 0) + 1);
    for (const [key, n] of byKey) if (n > 1) problems.push(`round ${round}: ${key} applied ${n} times`);
    // An event answered with a refusal (a newer version won the race) was not applied.
    for (const key of refused) if (byKey.has(key)) problems.push(`round ${round}: ${key} was refused but applied`);
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
