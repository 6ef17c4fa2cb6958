// 政策 一.(一) concerns where the project is: the form's location is screened as well as the
// enterprise's registered address, against the dated list of key undertaking locations
// (重点承接地), with place names compared in one form (宿迁 = 宿迁市).
import { beforeEach, describe, expect, it } from 'vitest';
import { locationStanding } from '../../src/domain/reference/designated-locations';
import { specialFundExample } from '../../workflows/special-fund';
import { tradePlatformExample } from '../../workflows/trade-platform-grant';
import { workflows } from '../../workflows/index';
import { get, login, makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from './drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

describe('the project location', () => {
  it('normalises names against the list: 宿迁 = 宿迁市, 江苏省 = 江苏; an undesignated eastern city is not eligible', () => {
    const now = t.deps.clock.now();
    expect(locationStanding(t.deps.db, { province: '江苏', city: '宿迁' }, now)).toBe('designated');
    expect(locationStanding(t.deps.db, { province: '江苏省', city: '宿迁市' }, now)).toBe('designated');
    expect(locationStanding(t.deps.db, { province: '江苏', city: '苏州市' }, now)).toBe('ineligible');
    expect(locationStanding(t.deps.db, { province: '四川省', city: '宜宾' }, now)).toBe('undesignated');
    expect(locationStanding(t.deps.db, { province: '四川省', city: '' }, now)).toBe('undesignated');
    expect(locationStanding(t.deps.db, { province: '四川省', city: '成都' }, now)).toBe('designated');
  });

  it('refuses a project outside the undertaking locations even when the enterprise is in the west, citing 一.(一)', () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '江苏', city: '苏州市' });
    expect(() => send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit')).toThrow(/project's location \(江苏 苏州市\).*一\.\(一\)/);
    const ok = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '江苏', city: '宿迁' });
    expect(send(t.deps, 'ent1@demo.local', ok.id, 'applicant.submit').state).toBe('submitted');
  });

  it('every programme declares what a central or western project off the list gets, and the engine honours it', () => {
    for (const w of Object.values(workflows)) expect(['refuse', 'lower-priority']).toContain(w.outsideDesignated);
    expect(workflows['special-fund'].outsideDesignated).toBe('refuse');
    expect(workflows['trade-platform-grant'].outsideDesignated).toBe('lower-priority');
    // 宜宾 is in Sichuan (western) but not designated: the special funds refuse, with the list and both sections cited.
    const sf = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '四川', city: '宜宾' });
    expect(() => send(t.deps, 'ent1@demo.local', sf.id, 'applicant.submit')).toThrow(/宜宾.*not on the list of key undertaking locations.*policy 一\.\(一\), 六\.\(一\)/);
    // The platform grant takes it at a lower priority: submitted and through screening.
    const tpg = draftCase(t.deps, 'ent1@demo.local', 'trade-platform-grant', { ...tradePlatformExample, province: '四川', city: '宜宾' });
    expect(send(t.deps, 'ent1@demo.local', tpg.id, 'applicant.submit').state).toBe('submitted');
    send(t.deps, 'officer@demo.local', tpg.id, 'officer.accept');
    expect(send(t.deps, 'officer@demo.local', tpg.id, 'officer.pass-screening').state).toBe('review.expert');
  });

  it('the staff case page says a project off the list is taken at a lower priority, and says nothing for a designated one', async () => {
    const off = draftCase(t.deps, 'ent1@demo.local', 'trade-platform-grant', { ...tradePlatformExample, province: '四川', city: '宜宾' });
    send(t.deps, 'ent1@demo.local', off.id, 'applicant.submit');
    const on = draftCase(t.deps, 'ent1@demo.local', 'trade-platform-grant', { ...tradePlatformExample, province: '四川', city: '成都' });
    send(t.deps, 'ent1@demo.local', on.id, 'applicant.submit');
    const s = await login(t.app, 'officer@demo.local');
    const page = await (await get(t.app, `/workbench/cases/${off.id}`, s.cookie)).text();
    expect(page).toMatch(/data-priority="lower">项目所在地（四川 宜宾）在申请提交时不在重点承接地名单内：[^<]*较低优先（政策 一\.\(一\)）/);
    expect(await (await get(t.app, `/workbench/cases/${on.id}`, s.cookie)).text()).not.toContain('data-priority');
  });
});
