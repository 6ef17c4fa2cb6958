// The statistics pages through app.request(): who may see them, the public page's suppression,
// CSV exports, and the audited change of the index weights.
import { beforeAll, describe, expect, it } from 'vitest';
import { formPost, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { publicReport } from '../../src/domain/stats/stats-report';
import { updateWeights, loadWeights } from '../../src/domain/stats/index-weights';
import { insertFixture } from './fixture';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); insertFixture(t.deps.db); });

describe('access', () => {
  it.each([
    ['officer@demo.local', 200], ['approver@demo.local', 200], ['auditor@demo.local', 200], ['admin@demo.local', 200],
    ['expert1@demo.local', 403], ['cdb@demo.local', 403], ['ent1@demo.local', 403],
  ])('%s gets %i on /stats and its CSV', async (email, status) => {
    const s = await login(t.app, email);
    expect((await get(t.app, '/stats', s.cookie)).status).toBe(status);
    expect((await get(t.app, '/stats/locations.csv', s.cookie)).status).toBe(status);
  });

  it('asks anonymous visitors to sign in, but shows them /statistics', async () => {
    expect((await get(t.app, '/stats')).status).toBe(401);
    expect((await get(t.app, '/stats/index.csv')).status).toBe(401);
    expect((await get(t.app, '/statistics')).status).toBe(200);
  });
});

describe('public page', () => {
  it('hides cells from fewer than 3 enterprises and one more where a total would reveal them', () => {
    const r = publicReport(t.deps, {});
    const row = (p: string) => r.rows.find((x) => x.province === p)!;
    // 湖北 has two enterprises: all of its figures are hidden.
    expect(row('湖北').cells.applications).toEqual({ value: null, hidden: 'small' });
    expect(row('湖北').cells.enterprises).toEqual({ value: null, hidden: 'small' });
    expect(row('湖北').approvalRate).toBeNull();
    expect(row('湖北').medianDays).toBeNull();
    // 11 − 6 would give 湖北's 2 applications: 重庆 (3 enterprises) is withheld as well.
    expect(row('四川').cells.applications).toEqual({ value: 6, hidden: null });
    expect(row('重庆').cells.applications).toEqual({ value: null, hidden: 'complement' });
    expect(r.total.cells.applications).toEqual({ value: 11, hidden: null });
    // Enterprises: 湖北 (2) and 河南 (1) together are 3 enterprises, so the total may stand.
    expect(row('河南').cells.enterprises.hidden).toBe('small');
    expect(r.total.cells.enterprises).toEqual({ value: 10, hidden: null });
    // Approved grants (S1's and H1's) were published in their 公示: shown even from one enterprise,
    // while H2's EXIM financing in the same province keeps the small-cell rule.
    expect(row('湖北').cells.approved).toEqual({ value: 500_000, hidden: null });
    expect(r.total.cells.approved).toEqual({ value: 4_300_000, hidden: null });
    expect(row('湖北').cells.drawn).toEqual({ value: null, hidden: 'small' });
    expect(row('四川').cells.claimsPaid).toEqual({ value: null, hidden: 'small' }); // S4's claim, one enterprise
  });

  it('never lets total − shown cells equal a hidden cell built from fewer than 3 enterprises', () => {
    const r = publicReport(t.deps, {});
    for (const col of Object.keys(r.total.cells) as (keyof typeof r.total.cells)[]) {
      const hidden = r.rows.filter((x) => x.cells[col].hidden);
      if (r.total.cells[col].hidden || hidden.length === 0) continue;
      expect(hidden.length === 1 && hidden[0]!.cells[col].hidden === 'small', `column ${col}`).toBe(false);
    }
    const months = r.months.filter((m) => m.applications.hidden);
    expect(months.length === 1 && months[0]!.applications.hidden === 'small').toBe(false);
  });

  it('shows 不足3家 in the page and the CSV, never 湖北’s amounts', async () => {
    const html = await (await get(t.app, '/statistics')).text();
    expect(html).toContain('不足3家');
    expect(html).toContain('<svg role="img"');
    expect(html).not.toContain('2,500,000'); // 湖北 requested
    const res = await get(t.app, '/statistics/locations.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('不足3家');
    expect(text).not.toContain('2500000');
    expect(res.headers.get('content-type')).toContain('text/csv');
  });

  it('ignores filters, whose differences could single out an enterprise', async () => {
    const all = await (await get(t.app, '/statistics/locations.csv')).text();
    expect(await (await get(t.app, '/statistics/locations.csv?programme=special-fund&from=2026-03')).text()).toBe(all);
  });
});

describe('full page and exports', () => {
  it('shows figures, formula, charts with tables, and CSVs with a BOM', async () => {
    const s = await login(t.app, 'auditor@demo.local');
    const html = await (await get(t.app, '/stats?level=city&industry=electronics', s.cookie)).text();
    expect(html).toContain('Σ');
    expect(html).toContain('<title id="chart-index-t">');
    expect(html).toContain('/stats/locations.csv?industry=electronics&amp;level=city');
    for (const name of ['locations', 'index', 'states', 'months']) {
      const res = await get(t.app, `/stats/${name}.csv?lang=en`, s.cookie);
      expect(res.status).toBe(200);
      // Response.text() drops a BOM when decoding, so look at the bytes.
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const idx = await (await get(t.app, '/stats/index.csv?lang=en', s.cookie)).text();
    // The designated cities: 武汉 (H1, H2) leads 成都 (S1, S2, S4), faster and with less per job:
    // 20×1 + 15×0 + 25×30/40 + 10×1 + 10×1 + 10×(30−10)/(30−10) + 10×1 = 78.75.
    expect(idx.split('\r\n')[1]).toMatch(/^"1","Hubei · 武汉市","78.75",/);
    expect(idx.split('\r\n')[0]).toContain('Location key');
    expect((await get(t.app, '/stats/secrets.csv', s.cookie)).status).toBe(404);
  });
});

describe('index weights', () => {
  const jobsOnly = { enterprisesMovedIn: '0', investment: '0', jobsVerified: '5', supportPerJob: '0', environmentalRefusals: '0', timeToDecision: '0', clawbacks: '0' };

  it('only an administrator may change them', async () => {
    const s = await login(t.app, 'officer@demo.local');
    expect((await formPost(t.app, '/stats/weights', jobsOnly, { cookie: s.cookie, csrf: s.csrf })).status).toBe(403);
    const admin = await login(t.app, 'approver@demo.local');
    expect((await formPost(t.app, '/stats/weights', jobsOnly, { cookie: admin.cookie, csrf: admin.csrf })).status).toBe(403);
  });

  it('refuses all-zero weights', async () => {
    const s = await login(t.app, 'admin@demo.local');
    const res = await formPost(t.app, '/stats/weights', { ...jobsOnly, jobsVerified: '0' }, { cookie: s.cookie, csrf: s.csrf });
    expect(res.status).toBe(422);
  });

  it('records each change in the audit trail and re-ranks the locations', async () => {
    const s = await login(t.app, 'admin@demo.local');
    const res = await formPost(t.app, '/stats/weights', jobsOnly, { cookie: s.cookie, csrf: s.csrf });
    expect(res.status).toBe(200);
    const audit = t.deps.db.$client.prepare(`SELECT actor_role, data FROM audit_events WHERE type = 'stats.weights-changed' ORDER BY id`).all() as { actor_role: string; data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_role).toBe('admin');
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ before: { investment: 15, jobsVerified: 25 }, after: { investment: 0, jobsVerified: 5 } });
    const idx = await (await get(t.app, '/stats/index.csv?lang=en', s.cookie)).text();
    expect(idx.split('\r\n').slice(1, 3)).toEqual([expect.stringMatching(/^"1","Sichuan · 成都市","100",/), expect.stringMatching(/^"2","Hubei · 武汉市","75",/)]);
    expect(loadWeights(t.deps.db).jobsVerified).toBe(5);
  });

  it('the verb checks the role itself (other callers than the page)', () => {
    expect(() => updateWeights(t.deps, null, {})).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
