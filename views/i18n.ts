import type { Bilingual } from '../workflows/types';

export type Locale = 'zh' | 'en';

/** The text of a bilingual label in the reader's language. */
export const t = (locale: Locale, b: Bilingual): string => b[locale];

/** A bilingual label from two strings, for texts that are not in the workflow registry. */
export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

export const ROLE_LABELS: Record<string, Bilingual> = {
  applicant: bi('企业申请人', 'Applicant'),
  officer: bi('商务主管部门经办人', 'Commerce officer'),
  expert: bi('评审专家', 'Expert reviewer'),
  approver: bi('审批人', 'Approver'),
  liaison: bi('金融机构联络员', 'Institution liaison'),
  auditor: bi('审计人员', 'Auditor'),
  admin: bi('系统管理员', 'Administrator'),
  system: bi('系统', 'System'),
};
