// Starts the real server (src/main.ts) as its own process on 127.0.0.1; used by the browser
// tests, the benchmark and the crash test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');

/**
 * The Node flags of `npm start` (package.json). A live heap of ~40 MB under load otherwise lets
 * V8 grow the old space to ~300 MB before collecting; a ceiling makes it collect sooner at no
 * measurable cost in throughput.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=192'];

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

/** The port from the server's `{"listening":port}` line; the rest of its output passes through. */
function listeningPort(proc: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let found = false;
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (found) return void process.stdout.write(chunk);
      buffer += chunk.toString();
      const m = /\{"listening":(\d+)\}/.exec(buffer);
      if (m) {
        found = true;
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => { if (!found) reject(new Error(`server exited with ${code} before listening`)); });
    setTimeout(() => { if (!found) reject(new Error('server did not report its port in 60 s')); }, 60_000).unref();
  });
}

const exited = (proc: ChildProcess) => new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once('exit', r)));

/**
 * Starts a server. With `dbPath` it serves that database (kept afterwards); otherwise a fresh
 * one in a temp folder that stop() removes.
 */
export async function startServer(opts: { env?: Record<string, string>; dbPath?: string; port?: number } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-'));
  const dbPath = opts.dbPath ?? join(dir, 'app.db');
  // Without a port the server listens on port 0 and reports the one it got: no window in which
  // another test's server could take a port we picked.
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env, PORT: String(opts.port ?? 0), HOST: '127.0.0.1', DATABASE_PATH: dbPath, REPORT_LISTENING: '1',
      DEMO_DATA: '1', SCRYPT_LOG_N: '12', LOG_LEVEL: 'silent', ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await listeningPort(proc);
  const url = `http://127.0.0.1:${port}`;
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

export interface SupervisedServer {
  url: string;
  dbPath: string;
  /** How many times the supervisor has started the server again. */
  restarts(): number;
  /** The server process running now. */
  current(): ChildProcess;
  /** Resolves once the server has been started again after its n-th death and answers /healthz. */
  restarted(n: number): Promise<void>;
  /** Stops the server for good (SIGTERM, no restart). */
  stop(): Promise<void>;
}

/**
 * Runs the server the way a supervisor with `Restart=always` does (README, security section):
 * whenever the process ends, for whatever reason, it is started again on the same address and
 * database after `restartDelayMs`.
 */
export async function superviseServer(opts: { dbPath: string; env?: Record<string, string>; restartDelayMs?: number }): Promise<SupervisedServer> {
  let server = await startServer({ dbPath: opts.dbPath, env: opts.env });
  const port = Number(new URL(server.url).port);
  let restarts = 0;
  let stopping = false;
  const waiters: { n: number; resolve: () => void }[] = [];
  const watch = (s: RunningServer) => s.proc.once('exit', () => {
    rmSync(s.dir, { recursive: true, force: true }); // empty: the database lives at opts.dbPath
    if (stopping) return;
    const again = async (): Promise<void> => {
      try {
        server = await startServer({ dbPath: opts.dbPath, port, env: opts.env });
      } catch {
        await new Promise((r) => setTimeout(r, opts.restartDelayMs ?? 100));
        return again(); // like systemd: keep trying
      }
      restarts++;
      watch(server);
      for (const w of waiters.filter((x) => x.n <= restarts)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    };
    setTimeout(() => void again(), opts.restartDelayMs ?? 100);
  });
  watch(server);
  return {
    url: server.url, dbPath: opts.dbPath,
    restarts: () => restarts,
    current: () => server.proc,
    restarted: (n) => (restarts >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    async stop() {
      stopping = true;
      server.proc.kill('SIGTERM');
      await exited(server.proc);
      rmSync(server.dir, { recursive: true, force: true });
    },
  };
}
