import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in and out, choosing a language and taking or revoking an API token change the
// auditor's own credentials, not the records.
const SESSION_PATHS = new Set(['/login', '/logout', '/lang', '/api/v1/tokens', '/api/v1/tokens/current']);

/**
 * Auditors read everything and change nothing (DOMAIN.md). policy.ts already refuses them every
 * workflow event; this refuses every other state-changing request too, so that a new form or API
 * route cannot forget it. Wired in app.ts as page middleware after the session is read, and in the
 * API after the bearer token is read, before every route, so no order of areas can put a route
 * ahead of it (a public route such as a 公示 objection included: an auditor's token is refused).
 */
export const auditorsReadOnly = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.var.user?.role === 'auditor' && !SAFE.has(c.req.method) && !SESSION_PATHS.has(c.req.path)) {
    throw new AppError('FORBIDDEN', '审计人员只读，不能更改任何内容 / Auditors have read-only access.');
  }
  await next();
};
