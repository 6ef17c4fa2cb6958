// The list of key undertaking locations (重点承接地) is the admin's, dated and audited: a change
// applies to applications submitted after it, and the page refuses at the field, in the reader's language.
import { and, eq, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, designatedLocations } from '../../src/db/schema/index';
import { addDesignatedLocation } from '../../src/domain/reference/add-designated-location';
import { endDesignatedLocation } from '../../src/domain/reference/end-designated-location';
import { beijingToday } from '../../workflows/display-format';
import { specialFundExample } from '../../workflows/special-fund';
import { draftCase, send, userByEmail } from '../engine/drive';
import { formPost, get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';

let t: TestApp;
const DAY = 86_400_000;
const admin = () => userByEmail(t.deps, 'admin@demo.local');
const today = () => beijingToday(t.deps.clock.now());
const audits = () => t.deps.db.select().from(auditEvents).where(like(auditEvents.type, 'designated-location.%')).all();
const place = (province: string, city: string) => t.deps.db.select().from(designatedLocations)
  .where(and(eq(designatedLocations.province, province), eq(designatedLocations.city, city))).all();

beforeEach(async () => { t = await makeTestApp(); });

describe('the dated list of designated locations', () => {
  it('holds the starting list, stored in one normal form', () => {
    expect(place('江苏', '宿迁市')).toHaveLength(1);
    expect(place('重庆', '重庆市')).toHaveLength(1);
    const row = addDesignatedLocation(t.deps, admin(), { province: '四川省', city: '宜宾', designatedOn: today() });
    expect(row).toMatchObject({ province: '四川', city: '宜宾市' });
    // 宿迁 = 宿迁市: the same place cannot be listed twice while it lasts.
    expect(() => addDesignatedLocation(t.deps, admin(), { province: '江苏', city: '宿迁', designatedOn: today() })).toThrow(/宿迁市.*already on the list/);
  });

  it('applies a change only to applications submitted after it', () => {
    const form = { ...specialFundExample, province: '四川', city: '宜宾市' };
    const before = draftCase(t.deps, 'ent1@demo.local', 'special-fund', form);
    expect(() => send(t.deps, 'ent1@demo.local', before.id, 'applicant.submit')).toThrow(/not on the list/);
    // A designation dated tomorrow does not count today.
    addDesignatedLocation(t.deps, admin(), { province: '四川', city: '宜宾', designatedOn: beijingToday(new Date(t.deps.clock.now().getTime() + DAY)) });
    expect(() => send(t.deps, 'ent1@demo.local', before.id, 'applicant.submit')).toThrow(/not on the list/);
    t.clock.advance(DAY);
    expect(send(t.deps, 'ent1@demo.local', before.id, 'applicant.submit').state).toBe('submitted');

    // 成都 ends today: a case submitted before the end keeps the list it was judged by.
    const chengdu = { ...specialFundExample, province: '四川', city: '成都' };
    const early = draftCase(t.deps, 'ent1@demo.local', 'special-fund', chengdu);
    send(t.deps, 'ent1@demo.local', early.id, 'applicant.submit');
    t.clock.advance(60_000);
    const [row] = place('四川', '成都市');
    endDesignatedLocation(t.deps, admin(), row!.id, { endsOn: today() });
    t.clock.advance(60_000);
    send(t.deps, 'officer@demo.local', early.id, 'officer.accept');
    expect(send(t.deps, 'officer@demo.local', early.id, 'officer.pass-screening').state).toBe('review.expert');
    const late = draftCase(t.deps, 'ent1@demo.local', 'special-fund', chengdu);
    expect(() => send(t.deps, 'ent1@demo.local', late.id, 'applicant.submit')).toThrow(/成都.*not on the list/);
  });

  it('an end dated later keeps the place on the list until that day', () => {
    const [row] = place('四川', '绵阳市');
    endDesignatedLocation(t.deps, admin(), row!.id, { endsOn: beijingToday(new Date(t.deps.clock.now().getTime() + 2 * DAY)) });
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '四川', city: '绵阳' });
    expect(send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit').state).toBe('submitted');
    t.clock.advance(2 * DAY);
    const d = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '四川', city: '绵阳' });
    expect(() => send(t.deps, 'ent1@demo.local', d.id, 'applicant.submit')).toThrow(/not on the list/);
  });

  it('audits every change in its own transaction, and a refused change leaves neither row nor audit', () => {
    expect(audits()).toHaveLength(0);
    addDesignatedLocation(t.deps, admin(), { province: '湖南', city: '株洲', designatedOn: '2026-01-05' });
    const [row] = place('湖南', '株洲市');
    endDesignatedLocation(t.deps, admin(), row!.id, { endsOn: '2026-06-30' });
    expect(audits().map((a) => [a.type, a.actorId])).toEqual([['designated-location.added', admin().id], ['designated-location.ended', admin().id]]);
    expect(() => endDesignatedLocation(t.deps, admin(), row!.id, { endsOn: '2026-07-30' })).toThrow(/already ends on 2026-06-30/);
    expect(() => addDesignatedLocation(t.deps, admin(), { province: '湖南', city: '湘潭', designatedOn: '2026-05-01', endsOn: '2026-04-01' })).toThrow(/after the designation date/);
    expect(audits()).toHaveLength(2);
    expect(place('湖南', '湘潭市')).toHaveLength(0);
    expect(() => addDesignatedLocation(t.deps, userByEmail(t.deps, 'officer@demo.local'), { province: '湖南', city: '湘潭', designatedOn: '2026-05-01' })).toThrow();
  });
});

describe('the admin page /admin/locations', () => {
  let s: Session;
  beforeEach(async () => { s = await login(t.app, 'admin@demo.local'); });
  const post = (path: string, fields: Record<string, string>, cookie = s.cookie) => formPost(t.app, path, fields, { cookie, csrf: s.csrf });

  it('lists, adds and ends; errors at their fields in Chinese, or English for an English reader', async () => {
    const page = await (await get(t.app, '/admin/locations', s.cookie)).text();
    expect(page).toContain('宿迁市');
    const added = await post('/admin/locations', { province: '湖南', city: '株洲', designatedOn: '2026-01-05', endsOn: '' });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('已新增 湖南 株洲市');
    const bad = await post('/admin/locations', { province: '', city: '', designatedOn: '2026-13-45', endsOn: '' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="f-city-err">请填写“城市或区县”/);
    expect(html).toMatch(/id="f-designatedOn-err">[^<]*认定日期/);
    expect(html).not.toMatch(/too_small|invalid_type|designatedOn:/);
    const [row] = place('湖南', '株洲市');
    const early = await formPost(t.app, '/admin/locations/end', { locationId: String(row!.id), endsOn: '2025-01-01' }, { cookie: `${s.cookie}; cj_lang=en`, csrf: s.csrf });
    expect(early.status).toBe(422);
    expect(await early.text()).toMatch(/id="f-endsOn-err">The end date must be after the designation date \(2026-01-05\)/);
    const ended = await post('/admin/locations/end', { locationId: String(row!.id), endsOn: '2026-12-31' });
    expect(ended.status).toBe(200);
    expect(place('湖南', '株洲市')[0]!.endsOn).toBe('2026-12-31');
  });

  it('is the admin\'s alone', async () => {
    const officer = await login(t.app, 'officer@demo.local');
    const res = await get(t.app, '/admin/locations', officer.cookie);
    expect([403, 404]).toContain(res.status);
    const write = await formPost(t.app, '/admin/locations', { province: '湖南', city: '株洲', designatedOn: '2026-01-05' }, { cookie: officer.cookie, csrf: officer.csrf });
    expect([403, 404]).toContain(write.status);
    expect(place('湖南', '株洲市')).toHaveLength(0);
  });
});
