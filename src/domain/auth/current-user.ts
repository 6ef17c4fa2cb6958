import type { Actor, InstitutionCode, Role } from '../../../workflows/types';

/** The signed-in user as every verb and policy check sees it. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Exclude<Role, 'system'>;
  institutionCode: InstitutionCode | null;
  enterpriseId: number | null;
  locale: 'zh' | 'en';
}

export function toActor(u: CurrentUser): Actor {
  return { id: u.id, role: u.role, institution: u.institutionCode, enterpriseId: u.enterpriseId, name: u.name };
}

export function userFromRow(row: {
  id: number; email: string; name: string; role: string; institutionCode: string | null;
  enterpriseId: number | null; locale: string;
}): CurrentUser {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role as CurrentUser['role'],
    institutionCode: row.institutionCode as InstitutionCode | null, enterpriseId: row.enterpriseId,
    locale: row.locale === 'en' ? 'en' : 'zh',
  };
}
