// `npx tsx src/scripts/bench-scale.ts` — the queue page at two database sizes in one run
// (default 100,000 and 1,000,000 cases; BENCH_SCALE="100000,1000000"): builds each database,
// starts the real server on it and drives the officer's filtered queue with autocannon, then
// times the same page in process; prints both and their ratio. Each size runs right after the
// other on the same machine, so the ratio holds even where the absolute numbers swing.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchDatabase } from './bench-data';
import { login, memMb } from './bench-client';
import { pageShares } from './bench-pages';
import { startServer } from './server-process';

const SIZES = (process.env.BENCH_SCALE ?? '100000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const QUEUE = '/workbench?programme=special-fund&state=review.preliminary';
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Result { cases: number; buildS: number; rps: number; p50: number; p99: number; inProcessMs: number; dataMs: number; renderMs: number; peakMb: number }

async function measure(cases: number, dir: string): Promise<Result> {
  const dbPath = join(dir, `bench-${cases}.db`);
  log(`building ${cases} cases …`);
  const t0 = Date.now();
  await buildBenchDatabase(dbPath, cases);
  const buildS = (Date.now() - t0) / 1000;
  const server = await startServer({ dbPath, env: { DEMO_DATA: '0', SCHEDULER_INTERVAL_SECONDS: '3600', SCRYPT_LOG_N: '15' } });
  try {
    const cookie = await login(server.url, 'officer@demo.local');
    await autocannon({ url: `${server.url}${QUEUE}`, connections: 10, duration: 2, headers: { cookie } }); // warm the page cache
    const r = await autocannon({ url: `${server.url}${QUEUE}`, connections: 50, duration: SECONDS, headers: { cookie } });
    const peakMb = memMb(server.proc.pid!, 'VmHWM');
    await server.stop();
    const [share] = await pageShares(dbPath, 'officer@demo.local', [{ label: 'queue', path: QUEUE }], Math.min(SECONDS, 5));
    return { cases, buildS, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, inProcessMs: share!.fullMs, dataMs: share!.dataMs, renderMs: share!.renderMs, peakMb };
  } finally {
    await server.kill();
    rmSync(dbPath, { force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'chengjie-scale-'));
try {
  const results: Result[] = [];
  for (const n of SIZES) results.push(await measure(n, dir));
  const base = results[0]!;
  const lines = [
    `Queue page at ${SIZES.join(' and ')} cases, same run — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    '',
    '| cases | build s | req/s | p50 ms | p99 ms | p99 / p99 at first size | in process ms (its data, rendering) | server peak MB |',
    '|---:|---:|---:|---:|---:|---:|---|---:|',
    ...results.map((r) => `| ${r.cases} | ${r.buildS.toFixed(0)} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.p99 / base.p99).toFixed(2)} | ${r.inProcessMs.toFixed(2)} (${r.dataMs.toFixed(2)}, ${r.renderMs.toFixed(2)}) | ${r.peakMb.toFixed(0)} |`),
  ];
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
