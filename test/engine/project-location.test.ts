// 政策 一.(一) concerns where the project is: the form's location is screened as well as the
// enterprise's registered address, with place names compared in one form (宿迁 = 宿迁市).
import { beforeEach, describe, expect, it } from 'vitest';
import { isRegionEligible } from '../../src/domain/reference/provinces';
import { specialFundExample } from '../../workflows/special-fund';
import { makeTestApp, type TestApp } from '../helpers/index';
import { draftCase, send } from './drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp(); });

describe('the project location', () => {
  it('normalises names: 宿迁 = 宿迁市, 江苏省 = 江苏; an undesignated eastern city is not eligible', () => {
    expect(isRegionEligible('江苏', '宿迁')).toBe(true);
    expect(isRegionEligible('江苏省', '宿迁市')).toBe(true);
    expect(isRegionEligible('江苏', '苏州市')).toBe(false);
    expect(isRegionEligible('四川省', '')).toBe(true);
  });

  it('refuses a project outside the undertaking locations even when the enterprise is in the west, citing 一.(一)', () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '江苏', city: '苏州市' });
    expect(() => send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit')).toThrow(/project's location \(江苏 苏州市\).*一\.\(一\)/);
    const ok = draftCase(t.deps, 'ent1@demo.local', 'special-fund', { ...specialFundExample, province: '江苏', city: '宿迁' });
    expect(send(t.deps, 'ent1@demo.local', ok.id, 'applicant.submit').state).toBe('submitted');
  });
});
