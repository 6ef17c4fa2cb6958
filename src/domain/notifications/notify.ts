import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { notifications, users } from '../../db/schema/index';
import type { Db } from '../../db/client';
import { yuan } from '../../../workflows/display-format';
import type { Bilingual, DecisionSpec } from '../../../workflows/types';

const REFUSAL = /refus|declin|reject|fail|default/;

/**
 * A decision in one sentence, so that the applicant learns the outcome from the notification:
 * "approved ¥2,500,000" or "not supported: reason", not only that the case moved.
 */
export function decisionMessage(reference: string, d: DecisionSpec): Bilingual {
  const refused = REFUSAL.test(d.outcome);
  const amount = d.amount !== null && d.amount > 0 ? yuan(d.amount) : null;
  const zh = [`案件 ${reference}：${d.title.zh}`,
    refused ? '不予支持' : amount ? `批准 ${amount}` : '已作出决定',
    d.conditions ? `条件：${d.conditions}` : null, d.reasons ? `理由：${d.reasons}` : null].filter(Boolean).join('；');
  const en = [`Case ${reference}: ${d.title.en}`,
    refused ? 'not supported' : amount ? `approved ${amount}` : 'decided',
    d.conditions ? `conditions: ${d.conditions}` : null, d.reasons ? `reason: ${d.reasons}` : null].filter(Boolean).join('; ');
  return { zh: `${zh}。`, en: `${en}.` };
}

/** Tells every user of the applicant enterprise (but the one who acted) that the case moved. */
export function notifyEnterprise(tx: Db, n: { caseRow: { id: number; reference: string; enterpriseId: number }; stateLabel?: Bilingual; decision?: DecisionSpec | null; actorId: number; at: string }): void {
  const label = n.stateLabel ?? { zh: '新状态', en: 'a new state' };
  const message = n.decision ? decisionMessage(n.caseRow.reference, n.decision) : {
    zh: `案件 ${n.caseRow.reference} 已进入“${label.zh}”`, en: `Case ${n.caseRow.reference} is now at “${label.en}”`,
  };
  const recipients = preparedQuery(tx, 'enterprise-users', (db) => db.select({ id: users.id }).from(users)
    .where(eq(users.enterpriseId, sql.placeholder('ent'))).prepare()).all({ ent: n.caseRow.enterpriseId });
  for (const r of recipients) {
    if (r.id === n.actorId) continue;
    tx.insert(notifications).values({
      userId: r.id, caseId: n.caseRow.id, createdAt: n.at,
      messageZh: message.zh, messageEn: message.en,
    }).run();
  }
}
