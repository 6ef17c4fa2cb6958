import { sql } from 'drizzle-orm';
import { institutions, programmes } from '../../db/schema/index';
import type { Db } from '../../db/client';
import { INSTITUTIONS, INSTITUTION_CODES } from '../../../workflows/institutions';
import { workflows } from '../../../workflows/index';
import { ensureDesignatedLocations } from './designated-locations';
import { ensureIssuingAuthorities } from './issuing-authorities';

/** The rows of the `institutions` table, derived from the registry (workflows/institutions.ts). */
const institutionRows = () => INSTITUTION_CODES.map((code) => {
  const i = INSTITUTIONS[code];
  return { code, nameZh: i.name.zh, nameEn: i.name.en, kind: i.kind };
});

/** Institutions and programmes follow the code: upserted at every start. */
export function ensureReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const i of institutionRows()) {
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
    ensureIssuingAuthorities(tx as unknown as Db, new Date().toISOString());
    ensureDesignatedLocations(tx as unknown as Db);
  }, { behavior: 'immediate' });
}
