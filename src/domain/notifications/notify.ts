import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { notifications, users } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { Bilingual } from '../../../workflows/types';

/** Tells every user of the applicant enterprise (but the one who acted) that the case moved. */
export function notifyEnterprise(tx: Db, n: { caseRow: { id: number; reference: string; enterpriseId: number }; stateLabel?: Bilingual; actorId: number; at: string }): void {
  const label = n.stateLabel ?? { zh: '新状态', en: 'a new state' };
  const recipients = preparedQuery(tx, 'enterprise-users', (db) => db.select({ id: users.id }).from(users)
    .where(eq(users.enterpriseId, sql.placeholder('ent'))).prepare()).all({ ent: n.caseRow.enterpriseId });
  for (const r of recipients) {
    if (r.id === n.actorId) continue;
    tx.insert(notifications).values({
      userId: r.id, caseId: n.caseRow.id, createdAt: n.at,
      messageZh: `案件 ${n.caseRow.reference} 已进入“${label.zh}”`,
      messageEn: `Case ${n.caseRow.reference} is now at “${label.en}”`,
    }).run();
  }
}
