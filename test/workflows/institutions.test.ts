// The one institution registry: every programme's institutions are in it, in the seeded table,
// in the admin page's choices, and every role a programme lets act is one the institution holds.
import { describe, expect, it } from 'vitest';
import { institutions } from '../../src/db/schema/index';
import { programmeInstitutions } from '../../src/domain/policy';
import { staffUserSchema } from '../../src/domain/users/schemas';
import { INSTITUTIONS, INSTITUTION_CODES, institutionsWithRole, type InstitutionCode } from '../../workflows/institutions';
import { workflows } from '../../workflows/index';
import type { Role } from '../../workflows/types';
import { makeTestApp } from '../helpers/test-app';

const all = Object.values(workflows);

describe('institution registry', () => {
  it('holds every institution a programme names, deciding or partner', () => {
    for (const w of all) {
      for (const code of programmeInstitutions(w.code)) expect(INSTITUTION_CODES, `${w.code} names ${code}`).toContain(code);
    }
  });

  it('lets a programme act only in roles its institutions hold, and every staff event has an acting role', () => {
    for (const w of all) {
      const held = (code: InstitutionCode) => INSTITUTIONS[code].roles as readonly Role[];
      for (const r of w.actingRoles) expect(held(w.institution), `${w.code}: ${r}`).toContain(r);
      for (const [code, roles] of Object.entries(w.partners)) {
        for (const r of roles ?? []) expect(held(code as InstitutionCode), `${w.code}: partner ${code} ${r}`).toContain(r);
      }
      const acting = new Set<Role>([...w.actingRoles, ...Object.values(w.partners).flat() as Role[], 'applicant', 'system']);
      for (const e of w.events) {
        for (const r of e.roles) expect(acting.has(r), `${w.code}: ${e.type} is sent by ${r}, which nobody holds`).toBe(true);
      }
    }
  });

  it('is what the seed writes: every programme institution is a row of the table after start', async () => {
    const { deps } = await makeTestApp({ demo: false });
    const rows = deps.db.select().from(institutions).all();
    expect(rows.map((r) => r.code).sort()).toEqual([...INSTITUTION_CODES].sort());
    for (const r of rows) {
      const def = INSTITUTIONS[r.code as InstitutionCode];
      expect({ zh: r.nameZh, en: r.nameEn, kind: r.kind }).toEqual({ ...def.name, kind: def.kind });
    }
    for (const w of all) for (const code of programmeInstitutions(w.code)) expect(rows.map((r) => r.code)).toContain(code);
  });

  it('decides which institution a staff user may belong to, by role', () => {
    const base = { email: 'x@demo.local', name: 'X', password: 'a-good-pass-2026' };
    expect(staffUserSchema.parse({ ...base, role: 'officer', institutionCode: '' }).institutionCode).toBe(institutionsWithRole('officer')[0]);
    expect(staffUserSchema.parse({ ...base, role: 'liaison', institutionCode: 'EXIM' }).institutionCode).toBe('EXIM');
    expect(staffUserSchema.parse({ ...base, role: 'auditor', institutionCode: '' }).institutionCode).toBeNull();
    expect(staffUserSchema.safeParse({ ...base, role: 'liaison', institutionCode: '' }).success).toBe(false);
    expect(staffUserSchema.safeParse({ ...base, role: 'liaison', institutionCode: 'COMMERCE' }).success).toBe(false);
    expect(staffUserSchema.safeParse({ ...base, role: 'expert', institutionCode: 'CDB' }).success).toBe(false);
    expect(staffUserSchema.safeParse({ ...base, role: 'officer', institutionCode: 'NOWHERE' }).success).toBe(false);
  });
});
