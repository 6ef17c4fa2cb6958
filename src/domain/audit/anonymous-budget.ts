// Anonymous refusals (stray requests, failed logins) cost the caller nothing but cost us a
// durable write: per address, at most this many a minute reach the audit chain; the next row
// written for that address says how many were left out, so a flood is visible without being
// able to flood the audit trail.
export const ANONYMOUS_ROWS_PER_MINUTE = 30;

type Budget = { windowStart: number; written: number; skipped: number };
const budgetsByDb = new WeakMap<object, Map<string, Budget>>();

/** Takes one row of the address's budget: ok, and how many rows were skipped before it. */
export function takeAnonymousBudget(db: object, ip: string, now: number): { ok: boolean; skipped: number } {
  let budgets = budgetsByDb.get(db);
  if (!budgets) budgetsByDb.set(db, (budgets = new Map()));
  let b = budgets.get(ip);
  if (!b || now - b.windowStart >= 60_000) {
    if (budgets.size > 10_000) budgets.clear(); // bounded memory under a spread-out flood
    b = { windowStart: now, written: 0, skipped: b?.skipped ?? 0 };
    budgets.set(ip, b);
  }
  if (b.written >= ANONYMOUS_ROWS_PER_MINUTE) {
    b.skipped++;
    return { ok: false, skipped: 0 };
  }
  b.written++;
  const skipped = b.skipped;
  b.skipped = 0;
  return { ok: true, skipped };
}
