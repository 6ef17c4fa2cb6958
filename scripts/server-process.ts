// Starts the real server (src/main.ts) as its own process on 127.0.0.1; used by the browser
// tests, the benchmark and the crash test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');

export interface RunningServer { url: string; dir: string; dbPath: string; proc: ChildProcess; stop(): Promise<void>; kill(): Promise<void> }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function waitForHealth(url: string, proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (proc: ChildProcess) => new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once('exit', r)));

/**
 * Starts a server. With `dbPath` it serves that database (kept afterwards); otherwise a fresh
 * one in a temp folder that stop() removes.
 */
export async function startServer(opts: { env?: Record<string, string>; dbPath?: string; port?: number } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-'));
  const dbPath = opts.dbPath ?? join(dir, 'app.db');
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath,
      DEMO_DATA: '1', PUBLIC_URL: url, SCRYPT_LOG_N: '12', LOG_LEVEL: 'silent', ...opts.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(url, proc);
  return {
    url, dir, dbPath, proc,
    async stop() {
      proc.kill('SIGTERM');
      await exited(proc);
      rmSync(dir, { recursive: true, force: true });
    },
    async kill() {
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
}
