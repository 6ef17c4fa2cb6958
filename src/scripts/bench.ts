// npm run bench — a script, not a test. Builds a database of generated cases, starts the real
// server as its own process (synchronous=FULL), drives it with autocannon and prints, per
// scenario, requests/s, p50 and p99, and the ratio to a ceiling measured in the same run.
import autocannon from 'autocannon';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { childProcessRenderer } from '../pdf/render-service';
import { buildBenchDatabase, HISTORY_LENGTHS, type BenchData } from './bench-data';
import { pageShares } from './bench-pages';
import { bareHonoCeiling, sqliteCasCeiling } from './bench-ceilings';
import { projectRoot, startServer } from './server-process';
import { fetchAgain, login, memMb, token } from './bench-client';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const READERS = 40;
const WRITERS = 10;
let READ_MIX = 0;

interface Row { scenario: string; rps: number; p50: number; p99: number; ceiling?: number; note?: string }
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);

const rssLog: string[] = [];
const sampleRss = (pid: number, after: string) => rssLog.push(`${after} ${memMb(pid, 'VmRSS').toFixed(0)} MB`);

/** Letters rendered per second by `renderers` renderer processes (the server's own kind) working at once. */
async function pdfRate(seconds: number, renderers: number): Promise<{ perSec: number; ms: number }> {
  const base = {
    institution: { code: 'COMMERCE', nameZh: '商务主管部门', nameEn: 'Commerce Department' },
    applicant: { name: '重庆渝芯电子科技有限公司', creditCode: '91500000MA5U000010' },
    programme: { code: 'special-fund', nameZh: '承接转移专项资金', nameEn: 'Special funds' },
    caseReference: 'SF-2026-000001', outcome: 'approved', titleZh: '批复决定', titleEn: 'Approval decision',
    amount: 1_200_000, conditions: '分三期拨付', reasons: '符合支持条件', section: '六.一', issuedAt: '2026-03-02T09:00:00.000Z',
    signerRole: 'approver', verificationUrl: 'http://127.0.0.1/verify/X', replaces: null,
  };
  const pool = Array.from({ length: renderers }, () => childProcessRenderer());
  try {
    await Promise.all(pool.map((r) => r.decisionLetter({ ...base, number: 'WARM', verificationCode: 'WARM' }))); // start + fonts
    const end = Date.now() + seconds * 1000;
    let n = 0;
    await Promise.all(pool.map(async (r) => {
      while (Date.now() < end) await r.decisionLetter({ ...base, number: `COMMERCE-2026-${n}`, verificationCode: `CODE-${n++}` });
    }));
    return { perSec: n / seconds, ms: (seconds * 1000 * renderers) / n };
  } finally {
    for (const r of pool) r.close();
  }
}

/**
 * The read side of the mixed scenario: queue pages of six people with different filters and case
 * pages of different cases, taken in turn by each connection.
 */
async function mixedReads(url: string, data: BenchData) {
  const who = ['officer', 'approver', 'cdb', 'exim', 'sinosure', 'auditor'];
  const cookie: Record<string, string> = {};
  for (const w of who) cookie[w] = await login(url, `${w}@demo.local`);
  const sf = data.submittedSpecialFund;
  const pages: { path: string; cookie: string }[] = [
    { path: '/workbench', cookie: cookie.officer! },
    { path: '/workbench?programme=special-fund&state=review.preliminary', cookie: cookie.officer! },
    { path: `/workbench?view=all&province=${encodeURIComponent('四川')}`, cookie: cookie.officer! },
    { path: '/workbench?programme=trade-platform-grant', cookie: cookie.officer! },
    { path: '/workbench', cookie: cookie.approver! },
    { path: '/workbench?view=all', cookie: cookie.cdb! },
    { path: '/workbench', cookie: cookie.exim! },
    { path: '/workbench?view=all&industry=electronics', cookie: cookie.sinosure! },
    { path: '/workbench?view=all&programme=special-fund&sort=amount', cookie: cookie.auditor! },
    { path: `/workbench/cases/${data.historyCases[20]}`, cookie: cookie.sinosure! },
    { path: `/workbench/cases/${data.historyCases[200]}`, cookie: cookie.auditor! },
    ...[0.25, 0.5, 0.75].map((f) => ({ path: `/workbench/cases/${sf[Math.floor(sf.length * f)]}`, cookie: cookie.officer! })),
  ];
  READ_MIX = pages.length;
  let i = 0;
  return {
    method: 'GET' as const, path: '/',
    setupRequest: (req: any) => {
      const p = pages[i++ % pages.length]!;
      return { ...req, path: p.path, headers: { ...req.headers, cookie: p.cookie } };
    },
  };
}

/** `connections` loops each sending one request after another for `seconds`; latency per request. */
async function postLoop(connections: number, seconds: number, send: () => Promise<Response>) {
  const ms: number[] = [];
  let ok = 0;
  let refused = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        const res = await send();
        await res.arrayBuffer();
        ms.push(performance.now() - t0);
        if (res.ok) ok++;
        else refused++;
      } catch {
        refused++; // a dropped connection counts as refused
      }
    }
  }));
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
  return { requests: { average: ms.length / seconds }, latency: { p50: at(0.5), p99: at(0.99) }, ok, refused };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-bench-'));
  const dbPath = join(dir, 'bench.db');
  log(`building ${TOTAL} cases in ${dbPath} …`);
  let t = Date.now();
  const data = await buildBenchDatabase(dbPath, TOTAL);
  log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  copyFileSync(dbPath, join(dir, 'ceiling.db'));

  const server = await startServer({ dbPath, env: { DEMO_DATA: '0', SCHEDULER_INTERVAL_SECONDS: '3600', SCRYPT_LOG_N: '15' } });
  try {
    sampleRss(server.proc.pid!, 'idle:');
    const officerToken = await token(server.url, 'officer@demo.local');
    const officerCookie = await login(server.url, 'officer@demo.local');
    const sinosureCookie = await login(server.url, 'sinosure@demo.local');
    const ent1Token = await token(server.url, 'ent1@demo.local');

    // 1. Events through the API on distinct cases.
    log('scenario 1: events on distinct cases');
    let next = 0;
    const ids = data.submittedSpecialFund;
    const s1 = await autocannon({
      url: server.url, connections: CONNECTIONS, duration: SECONDS,
      requests: [{
        method: 'POST', path: '/',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officerToken}` },
        setupRequest: (req: any) => ({ ...req, path: `/api/v1/cases/${ids[next++ % ids.length]}/events`, body: JSON.stringify({ type: 'officer.accept', version: data.submittedVersion }) }),
      }],
    });
    // 1b. The same with Prefer: return=minimal (the answer is the case summary).
    const s1m = await autocannon({
      url: server.url, connections: CONNECTIONS, duration: SECONDS,
      requests: [{
        method: 'POST', path: '/',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officerToken}`, prefer: 'return=minimal' },
        setupRequest: (req: any) => ({ ...req, path: `/api/v1/cases/${ids[next++ % ids.length]}/events`, body: JSON.stringify({ type: 'officer.accept', version: data.submittedVersion }) }),
      }],
    });
    sampleRss(server.proc.pid!, 'after 1:');
    rows.push({ scenario: '1 events, distinct cases (API)', rps: s1.requests.average, p50: s1.latency.p50, p99: s1.latency.p99, note: `${s1['2xx']} accepted, ${s1.non2xx} refused` });
    rows.push({ scenario: '1b events, distinct cases, Prefer: return=minimal', rps: s1m.requests.average, p50: s1m.latency.p50, p99: s1m.latency.p99, note: `${s1m['2xx']} accepted, ${s1m.non2xx} refused` });

    // 3. Pages: an officer's filtered queue and a case page with a 200-event history.
    log('scenario 3: pages');
    const queuePath = '/workbench?programme=special-fund&state=review.preliminary';
    const probe = await fetchAgain(`${server.url}${queuePath}`, { headers: { cookie: officerCookie } });
    const s3q = await autocannon({ url: `${server.url}${queuePath}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie: officerCookie } });
    sampleRss(server.proc.pid!, 'after 3a:');
    rows.push({ scenario: '3a officer queue page (filtered)', rps: s3q.requests.average, p50: s3q.latency.p50, p99: s3q.latency.p99, note: `HTTP ${probe.status}, ${s3q.non2xx} non-2xx` });
    for (const length of HISTORY_LENGTHS) {
      const path = `/workbench/cases/${data.historyCases[length]}`;
      const probeCase = await fetchAgain(`${server.url}${path}`, { headers: { cookie: sinosureCookie } });
      const s3c = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie: sinosureCookie } });
      rows.push({ scenario: `3b case page, ${length}-event history`, rps: s3c.requests.average, p50: s3c.latency.p50, p99: s3c.latency.p99, note: `HTTP ${probeCase.status}, ${(await probeCase.text()).length} bytes` });
    }
    sampleRss(server.proc.pid!, 'after 3b:');

    // 5. Mixed: 40 connections read queue and case pages of different people and filters while
    // 10 post events on distinct cases; first the same reads alone, for the comparison.
    log('scenario 5: mixed reads and writes');
    const readers = await mixedReads(server.url, data);
    const readsAlone = await autocannon({ url: server.url, connections: READERS, duration: SECONDS, requests: [readers] });
    rows.push({ scenario: `5a reads alone (${READERS} connections, ${READ_MIX} pages)`, rps: readsAlone.requests.average, p50: readsAlone.latency.p50, p99: readsAlone.latency.p99, note: `${readsAlone.non2xx} non-2xx` });
    let back = ids.length - 1;
    const [reads, writes] = await Promise.all([
      autocannon({ url: server.url, connections: READERS, duration: SECONDS, requests: [readers] }),
      postLoop(WRITERS, SECONDS, () => fetchAgain(`${server.url}/api/v1/cases/${ids[back--]}/events`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${officerToken}` },
        body: JSON.stringify({ type: 'officer.accept', version: data.submittedVersion }),
      })),
    ]);
    sampleRss(server.proc.pid!, 'after 5:');
    const readRatio = reads.latency.p99 / reads.latency.p50;
    rows.push({ scenario: `5b reads while ${WRITERS} connections write`, rps: reads.requests.average, p50: reads.latency.p50, p99: reads.latency.p99,
      note: `p99/p50 ${readRatio.toFixed(1)} (target ≤ 3); ${(reads.requests.average / readsAlone.requests.average).toFixed(2)} of reads alone (target ≥ 0.5); ${reads.non2xx} non-2xx` });
    rows.push({ scenario: '5c writes during 5b (events, distinct cases)', rps: writes.requests.average, p50: writes.latency.p50, p99: writes.latency.p99, note: `${writes.ok} accepted, ${writes.refused} refused` });

    // 2. Events on one hot case: most get 409; the accepted ones must match the version.
    log('scenario 2: one hot case');
    const hotId = data.historyCaseId;
    const before = (await (await fetchAgain(`${server.url}/api/v1/cases/${hotId}`, { headers: { authorization: `Bearer ${ent1Token}` } })).json()) as any;
    let known = before.version as number;
    const shipment = before.allowedEvents.find((e: any) => e.type === 'applicant.declare-shipment');
    let accepted = 0;
    const s2 = await autocannon({
      url: server.url, connections: CONNECTIONS, duration: SECONDS,
      requests: [{
        method: 'POST', path: `/api/v1/cases/${hotId}/events`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ent1Token}` },
        setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ type: 'applicant.declare-shipment', version: known, data: shipment?.example ?? {} }) }),
        onResponse: (status: number, body: string) => {
          if (status === 200) { accepted++; known = (JSON.parse(body) as { version: number }).version; }
        },
      }],
    });
    await new Promise((r) => setTimeout(r, 500)); // let requests in flight at the end land
    const after = (await (await fetchAgain(`${server.url}/api/v1/cases/${hotId}`, { headers: { authorization: `Bearer ${ent1Token}` } })).json()) as any;
    // autocannon stops counting at the deadline, so a few answers in flight may be missing
    // from `accepted`; the server's own invariant is version = 1 + accepted events in history.
    const consistent = after.version === after.history.length + 1 && after.version - before.version >= accepted
      && after.version - before.version <= accepted + CONNECTIONS;
    rows.push({ scenario: '2 events, one hot case', rps: s2.requests.average, p50: s2.latency.p50, p99: s2.latency.p99,
      note: `${accepted} accepted answers seen, version ${before.version}→${after.version}, ${after.history.length} history entries (${consistent ? 'consistent' : 'MISMATCH'}), ${s2.non2xx} refused (409)` });

    sampleRss(server.proc.pid!, 'after 2:');
    const rss = memMb(server.proc.pid!, 'VmHWM');

    // 4. Decision PDFs rendered per second (one core, in process).
    log('scenario 4: PDFs');
    const one = await pdfRate(5, 1);
    rows.push({ scenario: '4a decision PDFs, 1 renderer process', rps: one.perSec, p50: one.ms, p99: NaN, note: `${one.ms.toFixed(1)} ms each` });
    const all = await pdfRate(5, cpus().length);
    rows.push({ scenario: `4b decision PDFs, ${cpus().length} renderer processes`, rps: all.perSec, p50: all.ms, p99: NaN, note: `${all.ms.toFixed(1)} ms each` });

    // Page ceilings: the same pages from memory, on the database as the run left it.
    log('page ceilings');
    await server.stop();
    const shares = [
      ...(await pageShares(dbPath, 'officer@demo.local', [{ label: 'officer queue page (filtered)', path: queuePath }], Math.min(SECONDS, 5))),
      ...(await pageShares(dbPath, 'sinosure@demo.local', HISTORY_LENGTHS.map((n) => ({ label: `case page, ${n}-event history`, path: `/workbench/cases/${data.historyCases[n]}` })), Math.min(SECONDS, 5))),
    ];
    for (const sh of shares) {
      rows.push({ scenario: `ceiling: ${sh.page} from memory (render only, 1 core)`, rps: 1000 / sh.renderMs, p50: sh.renderMs, p99: NaN,
        note: `whole app in process ${sh.fullMs.toFixed(2)} ms (${(1000 / sh.fullMs).toFixed(0)}/s): its data (database) ${sh.dataMs.toFixed(2)} ms = ${(100 * sh.dataMs / sh.fullMs).toFixed(0)} % (target ≤ 50 %), rendering ${(100 * sh.renderMs / sh.fullMs).toFixed(0)} %, session, middleware and HTTP the rest; ${sh.bytes} bytes` });
    }

    // Ceilings.
    log('ceilings');
    const bare = await bareHonoCeiling(SECONDS, CONNECTIONS);
    const cas = sqliteCasCeiling(join(dir, 'ceiling.db'), data.submittedSpecialFund.slice(0, 5000), 5);
    rows.push({ scenario: 'ceiling: bare Hono route', rps: bare.rps, p50: bare.p50, p99: bare.p99 });
    rows.push({ scenario: 'ceiling: bare SQLite CAS + audit tx', rps: cas.txPerSec, p50: NaN, p99: NaN });
    for (const r of rows) {
      if (r.scenario.startsWith('1') || r.scenario.startsWith('2')) r.ceiling = r.rps / cas.txPerSec;
      if (r.scenario.startsWith('3') || r.scenario.startsWith('5a') || r.scenario.startsWith('5b')) r.ceiling = r.rps / bare.rps;
      if (r.scenario.startsWith('5c')) r.ceiling = r.rps / cas.txPerSec;
    }

    const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const lines = [
      `Chengjie benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      `${TOTAL} cases, ${CONNECTIONS} connections, ${SECONDS} s per scenario, synchronous=FULL`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | ratio to ceiling | notes |',
      '|---|---:|---:|---:|---:|---|',
      ...rows.map((r) => `| ${r.scenario} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.ceiling === undefined ? '' : fmt(r.ceiling, 2)} | ${r.note ?? ''} |`),
      '',
      `server peak memory (VmHWM): ${rss.toFixed(0)} MB; resident after each scenario: ${rssLog.join(', ')}`,
    ];
    console.log(lines.join('\n'));
    mkdirSync(join(projectRoot, 'test-output'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-output/bench.md'), `${lines.join('\n')}\n`);
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
