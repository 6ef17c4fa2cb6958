import { sql } from 'drizzle-orm';
import { institutions, programmes } from '../../db/schema/index';
import type { Db } from '../../db/client';
import { workflows } from '../../../workflows/index';

export const INSTITUTIONS = [
  { code: 'COMMERCE', nameZh: '商务主管部门', nameEn: 'Commerce Department', kind: 'government' as const },
  { code: 'CDB', nameZh: '国家开发银行', nameEn: 'China Development Bank', kind: 'bank' as const },
  { code: 'EXIM', nameZh: '中国进出口银行', nameEn: 'Export-Import Bank of China', kind: 'bank' as const },
  { code: 'SINOSURE', nameZh: '中国出口信用保险公司', nameEn: 'China Export & Credit Insurance Corporation (Sinosure)', kind: 'insurer' as const },
];

/** Institutions and programmes follow the code: upserted at every start. */
export function ensureReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const i of INSTITUTIONS) {
      tx.insert(institutions).values(i).onConflictDoUpdate({
        target: institutions.code, set: { nameZh: i.nameZh, nameEn: i.nameEn, kind: i.kind },
      }).run();
    }
    for (const w of Object.values(workflows)) {
      tx.insert(programmes).values({
        code: w.code, institutionCode: w.institution, nameZh: w.name.zh, nameEn: w.name.en, machineVersion: w.version,
      }).onConflictDoUpdate({
        target: programmes.code,
        set: { institutionCode: w.institution, nameZh: w.name.zh, nameEn: w.name.en, machineVersion: sql`excluded.machine_version` },
      }).run();
    }
  }, { behavior: 'immediate' });
}
