import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calls, users } from '../../db/schema/index';
import { beijingDayEnd, beijingToday } from '../../../workflows/display-format';
import { workflows } from '../../../workflows/index';
import { appendAudit } from '../audit/append-audit';
import { programmeCategories } from '../calls/calls';

/** Budgets of the demo calls (申报指南), CNY yuan: a provincial batch of each grant programme. */
export const DEMO_CALL_BUDGETS: Record<string, number> = { 'special-fund': 30_000_000, 'trade-platform-grant': 50_000_000 };
const OPEN_DAYS = 180;

/**
 * One open call per programme that takes calls, funding all its categories, drafted by the demo
 * officer and opened by the demo approver (four eyes), in the demo accounts' transaction.
 */
export function seedDemoCalls(tx: Db, now: Date): void {
  const id = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const officer = id('officer@demo.local');
  const approver = id('approver@demo.local');
  const at = now.toISOString();
  const deadline = beijingDayEnd(beijingToday(new Date(now.getTime() + OPEN_DAYS * 86_400_000)));
  for (const w of Object.values(workflows)) {
    if (!w.calls) continue;
    const row = tx.insert(calls).values({
      programmeCode: w.code, year: Number(beijingToday(now).slice(0, 4)), batch: 1, deadline, budget: DEMO_CALL_BUDGETS[w.code] ?? 20_000_000,
      categories: JSON.stringify(programmeCategories(w)), status: 'open', createdBy: officer, createdAt: at, openedBy: approver, openedAt: at,
    }).returning().get();
    appendAudit(tx, { at, kind: 'admin', actorName: 'system', actorRole: 'system', type: 'demo.call-opened', data: { callId: row.id, programme: w.code, budget: row.budget } });
  }
}
