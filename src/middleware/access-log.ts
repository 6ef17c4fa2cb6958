import type { MiddlewareHandler } from 'hono';
import { clientIp } from './client-address';
import { writeTx } from '../db/client';
import { appendAudit } from '../domain/audit/append-audit';
import { takeAnonymousBudget } from '../domain/audit/anonymous-budget';
import { iso } from '../domain/deps';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

// Login and token exchanges record their own failures (kind 'auth').
const OWN_LOG = new Set(['/login', '/api/v1/tokens']);

export { ANONYMOUS_ROWS_PER_MINUTE } from '../domain/audit/anonymous-budget';

/**
 * Refused accesses in the audit chain (kind 'access'): every 403; a 401 only when a credential
 * was presented and refused (a bad token, an ended session); a 404 only when a signed-in user
 * asked a handler for a record it would not show them. Anonymous stray requests and missing
 * static files cost no write; anonymous refusals that are written share a per-address budget.
 */
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
  const budget = user ? { ok: true, skipped: 0 } : takeAnonymousBudget(deps.db, ip, now.getTime());
  if (!budget.ok) return;
  writeTx(deps.db, (tx) => appendAudit(tx, {
    at: iso(now), kind: 'access', actorId: user?.id ?? null, actorName: user?.email ?? 'anonymous', actorRole: user?.role ?? 'anonymous',
    type: status === 404 ? 'access.not-found' : 'access.refused',
    data: { method: c.req.method, path: c.req.path.slice(0, 300), status, ip, ...(budget.skipped ? { earlierRefusalsNotRecorded: budget.skipped } : {}) },
  }));
};
