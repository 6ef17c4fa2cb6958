import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in and out and choosing a language change the auditor's own session, not the records.
const SESSION_PATHS = new Set(['/login', '/logout', '/lang']);

/**
 * Auditors read everything and change nothing (DOMAIN.md). policy.ts already refuses them every
 * workflow event; this refuses every other state-changing page request too, so that a new form
 * route cannot forget it. Wired in app.ts as page middleware, after the session is read and
 * before every page route, so no order of areas can put a route ahead of it.
 */
export const auditorsReadOnly = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.var.user?.role === 'auditor' && !SAFE.has(c.req.method) && !c.req.path.startsWith('/api/') && !SESSION_PATHS.has(c.req.path)) {
    throw new AppError('FORBIDDEN', '审计人员只读，不能更改任何内容 / Auditors have read-only access.');
  }
  await next();
};
