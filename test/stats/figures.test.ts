// Every figure and the index on a small known set of cases (fixture.ts), worked out by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/index';
import { locationFigures, nationalFigures, type LocationFigures } from '../../src/domain/stats/location-figures';
import { applicationsByState, monthlyTrend } from '../../src/domain/stats/breakdowns';
import { CASE_ROWS_SELECT, filterParams } from '../../src/domain/stats/case-rows';
import { insertFixture } from './fixture';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); insertFixture(t.deps.db); });

const values = (l: LocationFigures) => ({
  enterprises: l.enterprises.value,
  ...Object.fromEntries(Object.entries(l.figures).map(([k, c]) => [k, c.value])),
  approvalRate: l.approvalRate, medianDays: l.medianDays,
});
const byProvince = (rows: LocationFigures[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('figures per province', () => {
  it('match the hand count for every figure', () => {
    const p = byProvince(locationFigures(t.deps.db, {}));
    expect(Object.keys(p).sort()).toEqual(['四川', '湖北', '河南', '重庆'].sort());
    expect(values(p['四川']!)).toEqual({
      enterprises: 4, applications: 6, requested: 37_000_000, decided: 5, supported: 4, enterprisesSupported: 3, refusedEnvironment: 0, investment: 0,
      approved: 3_800_000, disbursed: 3_400_000, committed: 9_000_000, drawn: 5_000_000, insured: 15_000_000,
      granted: 27_800_000, claimsPaid: 1_000_000, jobsPromised: 645, jobsConfirmed: 40, traineesPlanned: 0, traineesVerified: 0, clawedBack: 0, clawbackDemanded: 0, clawbackWrittenOff: 0, outstanding: 0, defaulted: 0, writtenOff: 0, limits: 0, exposure: 0, premium: 0, premiumPaid: 0, recovered: 0, approvalRate: 0.8, medianDays: 20,
    });
    expect(values(p['湖北']!)).toEqual({
      enterprises: 2, applications: 2, requested: 2_500_000, decided: 2, supported: 2, enterprisesSupported: 2, refusedEnvironment: 0, investment: 0,
      approved: 500_000, disbursed: 500_000, committed: 1_500_000, drawn: 1_500_000, insured: 0,
      granted: 2_000_000, claimsPaid: 0, jobsPromised: 70, jobsConfirmed: 30, traineesPlanned: 0, traineesVerified: 0, clawedBack: 0, clawbackDemanded: 0, clawbackWrittenOff: 0, outstanding: 0, defaulted: 0, writtenOff: 0, limits: 0, exposure: 0, premium: 0, premiumPaid: 0, recovered: 0, approvalRate: 1, medianDays: 10,
    });
    // The corrected refusal counts as supported (latest decision) and is dated by the first (2 days).
    expect(values(p['重庆']!)).toEqual({
      enterprises: 3, applications: 3, requested: 14_500_000, decided: 3, supported: 1, enterprisesSupported: 1, refusedEnvironment: 0, investment: 0,
      approved: 0, disbursed: 0, committed: 6_000_000, drawn: 0, insured: 0,
      granted: 6_000_000, claimsPaid: 0, jobsPromised: 300, jobsConfirmed: 0, traineesPlanned: 0, traineesVerified: 0, clawedBack: 0, clawbackDemanded: 0, clawbackWrittenOff: 0, outstanding: 0, defaulted: 0, writtenOff: 0, limits: 0, exposure: 0, premium: 0, premiumPaid: 0, recovered: 0, approvalRate: 1 / 3, medianDays: 2,
    });
    expect(values(p['河南']!)).toMatchObject({ enterprises: 1, applications: 0, approvalRate: null, medianDays: null });
  });

  it('count the enterprises behind each figure whose part is not a grant published in its 公示', () => {
    const p = byProvince(locationFigures(t.deps.db, {}));
    // S1's two approved grants passed their 公示: S2, S3 and S4 remain.
    expect(p['四川']!.figures.applications.n).toBe(3);
    expect(p['四川']!.figures.supported.n).toBe(2);
    expect(p['四川']!.figures.approved.n).toBe(0); // both grants are S1's, published
    expect(p['湖北']!.figures.applications.n).toBe(1); // H2's financing; H1's grant is public
  });

  it('national totals, with the median over all decided cases', () => {
    expect(values(nationalFigures(t.deps.db, {}))).toMatchObject({
      enterprises: 10, applications: 11, requested: 54_000_000, decided: 10, supported: 7, granted: 35_800_000,
      jobsPromised: 1015, jobsConfirmed: 70, traineesPlanned: 0, traineesVerified: 0, clawedBack: 0, approvalRate: 0.7, medianDays: 12.5,
    });
    // 9 enterprises applied; S1 and H1 only for grants that were published and approved.
    expect(nationalFigures(t.deps.db, {}).figures.applications.n).toBe(7);
    expect(nationalFigures(t.deps.db, {}).figures.enterprisesSupported.value).toBe(6);
  });

  it('by city where known', () => {
    const c = byProvince(locationFigures(t.deps.db, { level: 'city' }));
    expect(c['四川|成都']!.figures.applications.value).toBe(5);
    expect(c['四川|绵阳']!.figures.applications.value).toBe(1);
    expect(c['重庆|']!.figures.committed.value).toBe(6_000_000); // C2 has no city
    expect(c['重庆|重庆']!.enterprises.value).toBe(2);
  });

  it('filter by period, programme and industry', () => {
    const feb = byProvince(locationFigures(t.deps.db, { from: '2026-02', to: '2026-02' }));
    expect(feb['四川']!.figures.applications.value).toBe(3);
    expect(feb['湖北']!.figures.applications.value).toBe(1);
    expect(feb['重庆']!.enterprises.value).toBe(2); // the demo enterprise registered in March
    expect(feb['河南']).toBeUndefined();
    const grants = nationalFigures(t.deps.db, { programme: 'special-fund' });
    expect(grants.figures.applications.value).toBe(4);
    expect(grants.figures.requested.value).toBe(5_000_000);
    const textiles = byProvince(locationFigures(t.deps.db, { industry: 'textiles' }));
    expect(Object.keys(textiles).sort()).toEqual(['河南', '湖北'].sort());
    expect(textiles['湖北']!.figures.applications.value).toBe(2);
  });

  it('applications by programme and state, and by month', () => {
    const s = applicationsByState(t.deps.db, {}).filter((r) => r.province === '四川');
    expect(s.map((r) => [r.programme, r.state, r.count.value])).toEqual(expect.arrayContaining([
      ['special-fund', 'disbursement', 1], ['special-fund', 'rejected', 1], ['exim-order-finance', 'creditApproval', 1],
    ]));
    expect(s.reduce((n, r) => n + r.count.value, 0)).toBe(6);
    expect(monthlyTrend(t.deps.db, {}).map((m) => [m.month, m.applications.value, m.supported.value, m.requested.value, m.granted.value])).toEqual([
      ['2026-01', 3, 2, 3_500_000, 1_300_000],
      ['2026-02', 4, 4, 35_000_000, 28_500_000],
      ['2026-03', 4, 1, 15_500_000, 6_000_000],
    ]);
  });
});

describe('query plan', () => {
  it('reads the cases through the covering expression index, not the snapshots', () => {
    const plan = t.deps.db.$client.prepare(`EXPLAIN QUERY PLAN ${CASE_ROWS_SELECT}`)
      .all(filterParams({})) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH c USING COVERING INDEX cases_stats/);
  });
});
