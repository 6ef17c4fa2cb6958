// The institutions that run programmes, in one place: the types, the seed of the `institutions`
// table, the admin pages, the policy module and the pages all read this list. A programme names
// its deciding institution (and the partners that take part) by these codes.
import type { Bilingual, Role } from './types';

type InstitutionKind = 'government' | 'bank' | 'insurer';

export interface InstitutionDef {
  name: Bilingual;
  /** The name in short, for lists and messages (CDB, EXIM, Sinosure). */
  short: Bilingual;
  kind: InstitutionKind;
  /** Roles its staff may hold (the admin page refuses any other for a user of this institution). */
  roles: Role[];
}

export const INSTITUTIONS = {
  // 政策 六.一, 六.四: the local commerce department (商务主管部门) runs the government funds;
  // its finance side releases the payments against an approval (one prepares, another releases).
  COMMERCE: { name: { zh: '商务主管部门', en: 'Commerce Department' }, short: { zh: '商务部门', en: 'Commerce' }, kind: 'government', roles: ['officer', 'expert', 'approver', 'finance'] },
  // 政策 六.二: the two policy banks and the export credit insurer.
  CDB: { name: { zh: '国家开发银行', en: 'China Development Bank' }, short: { zh: '国开行', en: 'CDB' }, kind: 'bank', roles: ['liaison'] },
  EXIM: { name: { zh: '中国进出口银行', en: 'Export-Import Bank of China' }, short: { zh: '进出口银行', en: 'EXIM' }, kind: 'bank', roles: ['liaison'] },
  SINOSURE: { name: { zh: '中国出口信用保险公司', en: 'China Export & Credit Insurance Corporation (Sinosure)' }, short: { zh: '中国信保', en: 'Sinosure' }, kind: 'insurer', roles: ['liaison'] },
  // 政策 五: the human-resources and social-security department (人力资源社会保障部门) supports
  // vocational training; its officers review and its approvers sign (four eyes).
  HR: { name: { zh: '人力资源社会保障部门', en: 'Human Resources and Social Security Department' }, short: { zh: '人社部门', en: 'HR & Social Security' }, kind: 'government', roles: ['officer', 'approver'] },
} as const satisfies Record<string, InstitutionDef>;

export type InstitutionCode = keyof typeof INSTITUTIONS;

export const INSTITUTION_CODES = Object.keys(INSTITUTIONS) as InstitutionCode[];

export function isInstitutionCode(code: unknown): code is InstitutionCode {
  return typeof code === 'string' && Object.hasOwn(INSTITUTIONS, code);
}

export function institutionOf(code: string): InstitutionDef | undefined {
  return isInstitutionCode(code) ? INSTITUTIONS[code] : undefined;
}

/** Institutions whose staff may hold this role, in registry order (the first is the default). */
export function institutionsWithRole(role: Role): InstitutionCode[] {
  return INSTITUTION_CODES.filter((c) => (INSTITUTIONS[c].roles as readonly Role[]).includes(role));
}
