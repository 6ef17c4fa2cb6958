import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Form routes: the browser's Origin must be ours (Hono's csrf)... */
export const originCheck = (publicUrl: string) => {
  const publicOrigin = new URL(publicUrl).origin;
  return csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
};

/**
 * ...and a signed-in user's state-changing request must carry the session's token, in the
 * `X-CSRF-Token` header (htmx sends it, see /static/app.js) or the `_csrf` form field.
 */
export const csrfTokenCheck = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const expected = c.var.csrfToken;
  // Signing in replaces the session anyway; a login form left open in another tab should work
  // (the Origin check still applies to it).
  if (SAFE.has(c.req.method) || !expected || c.req.path === '/login') return next();
  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody();
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
  }
  if (!sent || !same(sent, expected)) {
    throw new AppError('FORBIDDEN', '页面已过期，请刷新后重试 / This page has expired; reload it and try again.');
  }
  return next();
};
