// Staff are named with their own institution, read from the registry: a 人社 officer is never
// called a commerce officer, whichever institutions and programmes the registry holds.
import { describe, expect, it } from 'vitest';
import { INSTITUTIONS, INSTITUTION_CODES, type InstitutionCode } from '../../workflows/institutions';
import { workflows } from '../../workflows/index';
import { roleInProgramme, staffRoleLabel } from '../../workflows/labels';
import { Timeline } from '../../views/components/timeline';

const others = (code: InstitutionCode) => INSTITUTION_CODES.filter((c) => c !== code).map((c) => INSTITUTIONS[c].short);

function expectNamedWith(label: { zh: string; en: string }, code: InstitutionCode, what: string) {
  const inst = INSTITUTIONS[code];
  expect(label.zh, what).toContain(inst.short.zh);
  expect(label.en, what).toContain(inst.short.en);
  for (const o of others(code)) {
    expect(label.zh, `${what} names ${o.zh}`).not.toContain(o.zh);
    expect(label.en, `${what} names ${o.en}`).not.toContain(o.en);
  }
}

describe('role labels', () => {
  it('name every role an institution holds with that institution and no other', () => {
    for (const code of INSTITUTION_CODES) {
      for (const role of INSTITUTIONS[code].roles) expectNamedWith(staffRoleLabel(role, code), code, `${code} ${role}`);
    }
  });

  it('name who acted on a programme\'s case with the institution whose staff act in that role', () => {
    for (const w of Object.values(workflows)) {
      for (const role of w.actingRoles) expectNamedWith(roleInProgramme(role, w.code), w.institution, `${w.code} ${role}`);
      for (const [code, roles] of Object.entries(w.partners)) {
        for (const role of roles ?? []) {
          if (w.actingRoles.includes(role)) continue; // the deciding institution's staff act in it
          expectNamedWith(roleInProgramme(role, w.code), code as InstitutionCode, `${w.code} partner ${role}`);
        }
      }
    }
  });

  it('name an applicant, or a role outside any institution, by the role alone', () => {
    expect(staffRoleLabel('applicant', 'HR')).toEqual({ zh: '企业申请人', en: 'Applicant' });
    expect(staffRoleLabel('liaison', 'HR').en).not.toContain(INSTITUTIONS.HR.short.en);
  });

  it('show the 人社 officer on the timeline of an employment-training case', () => {
    const w = workflows['employment-training-subsidy'];
    const entry = { at: '2026-03-02T01:00:00Z', actor: '李华', role: 'officer', type: w.events[0]!.type, from: null, to: null, comment: null };
    const zh = String(Timeline({ locale: 'zh', workflow: w, entries: [entry] }));
    expect(zh).toContain(`${INSTITUTIONS.HR.short.zh}经办人`);
    expect(zh).not.toContain(INSTITUTIONS.COMMERCE.short.zh);
  });
});
