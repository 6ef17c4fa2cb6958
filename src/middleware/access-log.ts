import type { MiddlewareHandler } from 'hono';
import { clientIp } from './client-address';
import { writeTx } from '../db/client';
import { appendAudit } from '../domain/audit/append-audit';
import { iso } from '../domain/deps';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

// Login and token exchanges record their own failures (kind 'auth').
const OWN_LOG = new Set(['/login', '/api/v1/tokens']);

/**
 * Refused accesses in the audit chain (kind 'access'): every 403; a 401 only when a credential
 * was presented and refused (a bad token, an ended session); a 404 only when a signed-in user
 * asked a handler for a record it would not show them. Anonymous stray requests and missing
 * static files cost no write.
 */
/**
 * Anonymous refusals cost the caller nothing but cost us a durable write: per address, at most
 * this many a minute reach the chain; the next row written for that address says how many
 * were left out, so a flood is visible without being able to flood the audit trail.
 */
export const ANONYMOUS_ROWS_PER_MINUTE = 30;
type Budget = { windowStart: number; written: number; skipped: number };
const budgetsByDb = new WeakMap<object, Map<string, Budget>>();

function takeBudget(db: object, ip: string, now: number): { ok: boolean; skipped: number } {
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

export const accessLog = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  const status = c.res.status;
  if ((status !== 401 && status !== 403 && status !== 404) || OWN_LOG.has(c.req.path)) return;
  const user = c.var.user;
  const presented = !!c.req.header('authorization') || /(^|;\s*)(__Host-)?cj_session=/.test(c.req.header('cookie') ?? '');
  if (status === 401 && !presented) return;
  if (status === 404 && !(user && c.error instanceof AppError)) return;
  const { deps } = c.var;
  const ip = clientIp(c);
  const now = deps.clock.now();
  const budget = user ? { ok: true, skipped: 0 } : takeBudget(deps.db, ip, now.getTime());
  if (!budget.ok) return;
  writeTx(deps.db, (tx) => appendAudit(tx, {
    at: iso(now), kind: 'access', actorId: user?.id ?? null, actorName: user?.email ?? 'anonymous', actorRole: user?.role ?? 'anonymous',
    type: status === 404 ? 'access.not-found' : 'access.refused',
    data: { method: c.req.method, path: c.req.path.slice(0, 300), status, ip, ...(budget.skipped ? { earlierRefusalsNotRecorded: budget.skipped } : {}) },
  }));
};
