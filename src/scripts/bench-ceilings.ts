// Ceilings measured on the same machine in the same run, so scenario figures can be read as
// ratios on a noisy machine.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { freePort, projectRoot } from './server-process';

/** A bare SQLite transaction doing the engine's write: compare-and-swap on the version plus a chained audit insert. */
export function sqliteCasCeiling(dbPath: string, ids: number[], seconds: number): { txPerSec: number } {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const read = db.prepare('select version from cases where id = ?');
  const cas = db.prepare('update cases set version = version + 1, updated_at = ? where id = ? and version = ?');
  const last = db.prepare('select hash from audit_events order by id desc limit 1');
  const insert = db.prepare(`insert into audit_events (at, kind, case_id, actor_id, actor_name, actor_role, type, from_state, to_state, version, comment, data, prev_hash, hash)
    values (?, 'event', ?, 3, 'bench', 'officer', 'bench.cas', 'submitted', 'submitted', ?, null, '{}', ?, ?)`);
  const step = db.transaction((id: number) => {
    const v = (read.get(id) as { version: number }).version;
    if (cas.run(new Date().toISOString(), id, v).changes !== 1) throw new Error('conflict');
    const prev = (last.get() as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
    insert.run(new Date().toISOString(), id, v + 1, prev, createHash('sha256').update(prev + id + v).digest('hex'));
  });
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) step.immediate(ids[n++ % ids.length]!);
  db.close();
  return { txPerSec: n / seconds };
}

/** A bare Hono route on the same server stack, under the same load. */
export async function bareHonoCeiling(seconds: number, connections: number) {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/bare-hono.ts'], { cwd: projectRoot, env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
  try {
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections, duration: seconds });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
  } finally {
    proc.kill('SIGTERM');
  }
}
