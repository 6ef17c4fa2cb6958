// The statistics on 100,000 cases (the quality bar): generated rows with snapshots of a
// realistic size, inserted with prepared statements in one transaction, then every report timed.
// Run alone with: STATS_BENCH=1 npx vitest run test/stats/bench-100k.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { CASES, ENTERPRISES, generate } from './bench-data';
import { fullReport, publicReport } from '../../src/domain/stats/stats-report';
import type { CurrentUser } from '../../src/domain/auth/current-user';

const officer: CurrentUser = { id: 1, email: 'o@x', name: 'o', role: 'officer', institutionCode: 'COMMERCE', enterpriseId: null, locale: 'zh' };
const time = <T>(f: () => T): [T, number] => { const t0 = performance.now(); const v = f(); return [v, Math.round(performance.now() - t0)]; };

describe.skipIf(!process.env.STATS_BENCH)('statistics on 100,000 cases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays fast', () => {
    const deps: Deps = { db: openDatabase(join(dir, 'bench.db')), config: testConfig(), clock: new FakeClock() };
    ensureReferenceData(deps.db);
    const [, insertMs] = time(() => generate(deps));
    const timings: Record<string, number> = {};
    const [full, fullMs] = time(() => fullReport(deps, officer, {}));
    timings['full report, province level'] = fullMs;
    timings['full report, city level'] = time(() => fullReport(deps, officer, { level: 'city' }))[1];
    timings['full report, one year, one programme'] = time(() => fullReport(deps, officer, { from: '2024-01', to: '2024-12', programme: 'special-fund' }))[1];
    timings['full report, one industry'] = time(() => fullReport(deps, officer, { industry: 'textiles' }))[1];
    timings['public report'] = time(() => publicReport(deps, {}))[1];
    const size = (deps.db.$client.prepare(`SELECT AVG(length(snapshot)) AS n FROM cases`).get() as { n: number }).n;
    console.log(`100k bench: inserted ${CASES} cases (${ENTERPRISES} enterprises, snapshots ~${Math.round(size)} bytes) in ${insertMs} ms`);
    for (const [k, v] of Object.entries(timings)) console.log(`100k bench: ${k}: ${v} ms`);
    expect(full.total.figures.applications.value).toBe(CASES);
    expect(full.locations.length).toBe(18);
    for (const v of Object.values(timings)) expect(v).toBeLessThan(2_000);
    deps.db.$client.close();
  }, 120_000);
});
