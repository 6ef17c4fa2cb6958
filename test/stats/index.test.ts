// The evaluation index of the designated locations (政策 七.三) on a small known set of cases,
// every indicator worked out by hand; the targets an administrator sets and the progress shown.
import './figure-programme'; // registers the test programme before the app loads
import { beforeAll, describe, expect, it } from 'vitest';
import { formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { DEFAULT_WEIGHTS, evaluationIndex, INDEX_FIGURES, INDICATORS, type IndicatorCode } from '../../src/domain/stats/evaluation-index';
import { setTargets } from '../../src/domain/stats/index-targets';
import { designatedFigures, nationalFigures } from '../../src/domain/stats/location-figures';
import { targetsReport } from '../../src/domain/stats/stats-report';
import { FIGURE_PROGRAMME } from './figure-programme';
import { FIGURE_KEYS } from '../../workflows/figures';
import { insertCases, type CaseSpec } from './fixture';

let t: TestApp;

const ENTERPRISES = {
  A1: ['四川省', '成都'], A2: ['四川', '成都'], A3: ['四川', '成都市'],
  X2: ['四川', '乐山'],          // western, but not on the list of key undertaking locations
  B1: ['江苏', '宿迁'],          // a designated eastern city, written without 市
  X1: ['江苏', '苏州'],          // eastern, not designated: in no location of the index
} as const;
type Ent = keyof typeof ENTERPRISES;

const at = (d: string) => `${d}T02:00:00.000Z`;
const grant = (o: { requested: number; approved?: number; disbursed?: number; jobs?: number; investment?: number }) => ({
  requestedAmount: o.requested, approvedAmount: o.approved ?? null, disbursed: o.disbursed ?? 0, jobsConfirmed: o.jobs ?? null,
  form: { requestedAmount: o.requested, jobsPromised: 10, ...(o.investment ? { totalInvestment: o.investment } : {}) },
});
const CASES: (CaseSpec & { ent: Ent })[] = [
  // 四川: A1's grant, 10 days to decision.
  { ent: 'A1', programme: 'special-fund', state: 'disbursement', submittedAt: at('2026-01-05'), context: grant({ requested: 1_000_000, approved: 800_000, disbursed: 600_000, jobs: 30, investment: 5_000_000 }),
    decisions: [{ outcome: 'approved', at: at('2026-01-15'), amount: 800_000 }] },
  // A2 refused for 两高一资 products and no EIA (政策 一.(二)), 4 days; its investment never counts.
  { ent: 'A2', programme: 'special-fund', state: 'rejected', submittedAt: at('2026-01-10'), context: grant({ requested: 2_000_000, investment: 9_000_000 }),
    decisions: [{ outcome: 'refused', at: at('2026-01-14'), section: '一.(一)、一.(二)' }] },
  // A3's loan, 20 days.
  { ent: 'A3', programme: 'cdb-infra-loan', state: 'active', submittedAt: at('2026-02-01'),
    context: { requestedAmount: 10_000_000, committedAmount: 9_000_000, drawn: 4_000_000, form: { requestedAmount: 10_000_000, totalInvestment: 20_000_000 } },
    decisions: [{ outcome: 'loan-committed', at: at('2026-02-21'), amount: 9_000_000 }] },
  // A1's training subsidy: 20 trainees verified, 100,000 paid, 10,000 ordered back (4,000 repaid so far); 2 days.
  { ent: 'A1', programme: 'employment-training-subsidy', state: 'paid', submittedAt: at('2026-03-01'),
    context: { requestedAmount: 120_000, approvedAmount: 120_000, paid: 100_000, traineesVerified: 20, clawbackOrdered: 10_000, recovered: 4_000, form: { requestedAmount: 120_000, traineesPlanned: 25 } },
    decisions: [{ outcome: 'approved', at: at('2026-03-03'), amount: 120_000 }] },
  // 宿迁: B1's grant, 30 days; and the test programme's 7 trainees (no decision).
  { ent: 'B1', programme: 'special-fund', state: 'closed', submittedAt: at('2026-01-01'), context: grant({ requested: 500_000, approved: 500_000, disbursed: 500_000, jobs: 10, investment: 2_000_000 }),
    decisions: [{ outcome: 'approved', at: at('2026-01-31'), amount: 500_000 }] },
  { ent: 'B1', programme: FIGURE_PROGRAMME, state: 'submitted', submittedAt: at('2026-02-02'), context: { requestedAmount: 10_000, verified: 7, premium: 1_234, form: { requestedAmount: 10_000 } } },
  // 苏州 and 乐山 are not designated: their grants count nationally, never in the index.
  { ent: 'X2', programme: 'special-fund', state: 'closed', submittedAt: at('2026-01-01'), context: grant({ requested: 100_000, approved: 100_000, disbursed: 100_000, jobs: 1 }),
    decisions: [{ outcome: 'approved', at: at('2026-01-02'), amount: 100_000 }] },
  { ent: 'X1', programme: 'special-fund', state: 'closed', submittedAt: at('2026-01-01'), context: grant({ requested: 700_000, approved: 700_000, disbursed: 700_000, jobs: 99, investment: 8_000_000 }),
    decisions: [{ outcome: 'approved', at: at('2026-01-02'), amount: 700_000 }] },
];

beforeAll(async () => {
  t = await makeTestApp({ now: new Date('2026-06-01T00:00:00.000Z') });
  const sqlite = t.deps.db.$client;
  const ins = sqlite.prepare(`INSERT INTO enterprises (name, credit_code, province, city, industry, customs_code, contact_name, contact_phone, contact_email, created_at)
    VALUES (?, ?, ?, ?, 'electronics', '0000000000', 'x', '000', ?, '2026-01-01T00:00:00.000Z')`);
  const ids = Object.fromEntries(Object.entries(ENTERPRISES).map(([k, [p, c]], i) => [k, Number(ins.run(`企业${k}`, `INDEXFIX${String(i).padStart(10, '0')}`, p, c, `${k}@index.local`).lastInsertRowid)]));
  const userId = (sqlite.prepare(`SELECT MIN(id) AS id FROM users`).get() as { id: number }).id;
  insertCases(t.deps.db, CASES.map((c) => ({ ...c, enterpriseId: ids[c.ent]! })), userId);
});

const raw = (key: string) => {
  const l = designatedFigures(t.deps.db, {}).find((x) => x.key === key)!;
  return Object.fromEntries(INDICATORS.map((i) => [i.code, i.raw(l)])) as Record<IndicatorCode, number | null>;
};

describe('each indicator on known data', () => {
  it('成都: enterprises moved in, investment, jobs and trainees, support per job, environmental refusals, time, clawbacks', () => {
    const r = raw('四川|成都市');
    expect(r.enterprisesMovedIn).toBe(2);                   // A1 (twice supported) and A3; A2 was refused
    expect(r.investment).toBe(25_000_000);                  // 5,000,000 + 20,000,000; A2's refused 9,000,000 does not count
    expect(r.jobsVerified).toBe(50);                        // 30 jobs + 20 trainees (all programmes)
    expect(r.supportPerJob).toBe(14_000);                   // (600,000 + 100,000) ÷ 50
    expect(r.environmentalRefusals).toBe(25);               // 1 of 4 decided, citing 一.(二)
    expect(r.timeToDecision).toBe(7);                       // median of 2, 4, 10, 20
    expect(r.clawbacks).toBeCloseTo((100 * 10_000) / 700_000, 10);
  });

  it('宿迁 (宿迁市): a designated city; the test programme’s declared trainees count', () => {
    expect(raw('江苏|宿迁市')).toEqual({
      enterprisesMovedIn: 1, investment: 2_000_000, jobsVerified: 17, supportPerJob: 500_000 / 17,
      environmentalRefusals: 0, timeToDecision: 30, clawbacks: 0,
    });
  });

  it('lists every designated location, none outside them, and no value where nothing happened', () => {
    const keys = designatedFigures(t.deps.db, {}).map((l) => l.key);
    expect(keys).toContain('河南|郑州市');
    expect(keys).toContain('江苏|宿迁市');
    expect(keys).not.toContain('江苏');
    expect(keys).not.toContain('四川');
    expect(keys.some((k) => k.includes('苏州') || k.includes('乐山'))).toBe(false);
    expect(raw('河南|郑州市')).toEqual({ enterprisesMovedIn: 0, investment: 0, jobsVerified: 0, supportPerJob: null, environmentalRefusals: null, timeToDecision: null, clawbacks: null });
    // Nationally 苏州's and 乐山's grants are there.
    expect(nationalFigures(t.deps.db, {}).figures.jobsConfirmed.value).toBe(140);
  });
});

describe('the index', () => {
  it('computes only the figures its indicators read, to the same values', () => {
    const all = evaluationIndex(designatedFigures(t.deps.db, {}), DEFAULT_WEIGHTS);
    expect(evaluationIndex(designatedFigures(t.deps.db, {}, undefined, INDEX_FIGURES), DEFAULT_WEIGHTS)).toEqual(all);
  });

  it('normalises each indicator in its direction and weights them', () => {
    const idx = evaluationIndex(designatedFigures(t.deps.db, {}), DEFAULT_WEIGHTS);
    expect(idx.slice(0, 2).map((r) => [r.key, r.score, r.rank])).toEqual([['四川|成都市', 80, 1], ['江苏|宿迁市', 39.7, 2]]);
    expect(idx[2]).toMatchObject({ score: 0, rank: 3 });
    const sq = idx.find((r) => r.key === '江苏|宿迁市')!.normalised;
    expect(sq.jobsVerified).toBeCloseTo(17 / 50, 12);
    expect(sq.environmentalRefusals).toBe(1);             // fewer is better: 0% beats 25%
    expect(sq.supportPerJob).toBe(0);                     // 29,412 per job against 14,000
  });

  it('does not reward approving: the approval rate and paid claims are no indicators', () => {
    expect(INDICATORS.map((i) => i.code)).not.toContain('approvalRate');
    const words = INDICATORS.map((i) => `${i.label.en} ${i.formula.en}`).join(' ');
    expect(words).not.toMatch(/claims paid|approval rate/i);
  });

  it('shows each indicator’s direction, weight and formula on the page', async () => {
    const s = await login(t.app, 'auditor@demo.local');
    const html = await (await get(t.app, '/stats', s.cookie)).text();
    for (const i of INDICATORS) expect(html).toContain(i.formula.zh);
    expect(html).toContain('越少越好');
    expect(html).toContain('越多越好');
    expect(html).not.toMatch(/enterprisesMovedIn|supportPerJob(?!")/); // codes only as form names, never as text
  });
});

describe('a figure declared by a programme the statistics do not know', () => {
  it('every figure of the catalogue is a row of the totals, read from the cases’ declared figures', async () => {
    const s = await login(t.app, 'auditor@demo.local');
    const codes = (await (await get(t.app, '/stats/totals.csv', s.cookie)).text()).split('\r\n').slice(1, -1).map((line) => line.split(',').at(-1)!.replace(/"/g, ''));
    expect(codes).toEqual(expect.arrayContaining(FIGURE_KEYS as string[]));
  });

  it('appears in the totals on the page and in the CSV, beside its code', async () => {
    const s = await login(t.app, 'officer@demo.local');
    const html = await (await get(t.app, '/stats', s.cookie)).text();
    expect(html).toMatch(/保费（信保）<\/th><td>1,234<\/td>/);
    const csv = await (await get(t.app, '/stats/totals.csv?lang=en', s.cookie)).text();
    expect(csv).toContain('"Premium (credit insurance)","1234","premium"');
  });
});

describe('targets per location and year', () => {
  const post = async (email: string, body: Record<string, string>) => {
    const s = await login(t.app, email);
    return formPost(t.app, '/stats/targets', body, { cookie: s.cookie, csrf: s.csrf });
  };
  const audits = () => t.deps.db.$client.prepare(`SELECT data FROM audit_events WHERE type = 'stats.targets-changed' ORDER BY id`).all() as { data: string }[];

  it('only an administrator sets them; the verb checks too', async () => {
    expect((await post('officer@demo.local', { location: '四川|成都市', year: '2026', jobsVerified: '1' })).status).toBe(403);
    expect(() => setTargets(t.deps, null, {})).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses bad values at their fields and writes nothing', async () => {
    const res = await post('admin@demo.local', { location: '江苏|苏州市', year: '2026', clawbacks: '150', jobsVerified: '-1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-location-err"');
    expect(html).toMatch(/id="f-clawbacks-err">百分比不得超过 100</);
    // The message catalogue's words, naming the indicator's target (workflows/messages.ts).
    expect(html).toMatch(/id="f-jobsVerified-err">“[^”<]+的目标”不得少于 0</);
    expect(audits()).toHaveLength(0);
    expect(t.deps.db.$client.prepare('SELECT COUNT(*) AS n FROM evaluation_targets').get()).toEqual({ n: 0 });
  });

  it('records each change with its audit row and shows progress against the year’s values', async () => {
    const res = await post('admin@demo.local', { location: '四川|成都市', year: '2026', jobsVerified: '100', timeToDecision: '10', clawbacks: '1', investment: '' });
    expect(res.status).toBe(200);
    const progress = Object.fromEntries(targetsReport(t.deps, 2026).progress.map((p) => [p.indicator, p]));
    expect(Object.keys(progress).sort()).toEqual(['clawbacks', 'jobsVerified', 'timeToDecision']);
    expect(progress.jobsVerified).toMatchObject({ target: 100, actual: 50, ratio: 0.5, met: false });
    expect(progress.timeToDecision).toMatchObject({ target: 10, actual: 7, met: true });
    expect(progress.timeToDecision!.ratio).toBeCloseTo(10 / 7, 12);  // lower is better: target ÷ value
    expect(progress.clawbacks).toMatchObject({ met: false });
    expect(progress.clawbacks!.ratio).toBeCloseTo(0.7, 12);
    const html = await res.text();
    expect(html).toContain('已达成');
    expect(html).toContain('未达成');
    // A second save replaces the location's targets of that year; the audit row keeps both.
    await post('admin@demo.local', { location: '四川|成都市', year: '2026', jobsVerified: '40' });
    const rows = audits().map((a) => JSON.parse(a.data));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ location: '四川|成都市', year: 2026, before: { jobsVerified: 100, timeToDecision: 10, clawbacks: 1 }, after: { jobsVerified: 40 } });
    expect(targetsReport(t.deps, 2026).progress).toEqual([expect.objectContaining({ indicator: 'jobsVerified', met: true })]);
  });

  it('takes a target only for a location designated in its year', async () => {
    t.deps.db.$client.prepare(`INSERT INTO designated_locations (province, city, designated_on, created_at) VALUES ('江苏', '苏州市', '2027-01-01', '2026-05-01T00:00:00.000Z')`).run();
    const early = await post('admin@demo.local', { location: '江苏|苏州市', year: '2026', jobsVerified: '5' });
    expect(early.status).toBe(422);
    expect(await early.text()).toMatch(/id="f-location-err">该年不是指定的承接地</);
    expect((await post('admin@demo.local', { location: '江苏|苏州市', year: '2027', jobsVerified: '5' })).status).toBe(200);
    expect(targetsReport(t.deps, 2027).progress).toEqual([expect.objectContaining({ location: '江苏|苏州市', indicator: 'jobsVerified' })]);
  });

  it('compares a year’s target with that year’s cases only', async () => {
    await post('admin@demo.local', { location: '江苏|宿迁市', year: '2025', enterprisesMovedIn: '1' });
    expect(targetsReport(t.deps, 2025).progress).toEqual([expect.objectContaining({ location: '江苏|宿迁市', actual: 0, ratio: 0, met: false })]);
    const s = await login(t.app, 'auditor@demo.local');
    const csv = await (await get(t.app, '/stats/targets.csv?year=2025', s.cookie)).text();
    expect(csv.split('\r\n')[1]).toBe('"江苏 · 宿迁市","2025","迁入企业","越多越好","1","0","0","未达成","江苏|宿迁市","enterprisesMovedIn"');
  });
});
