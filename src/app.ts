import { Hono, type MiddlewareHandler } from 'hono';
import { createApi } from './api/index';
import type { Deps } from './domain/deps';
import { AppError } from './domain/errors';
import type { AppEnv } from './env';
import { accessLog } from './middleware/access-log';
import { auditorsReadOnly } from './middleware/auditors-read-only';
import { bodyGuard } from './middleware/body-guard';
import { csrfTokenCheck, originCheck } from './middleware/csrf';
import { securityHeaders } from './middleware/security-headers';
import { sessionMiddleware } from './middleware/session';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { respondWithError } from './routes/errors';
import { publicRoutes } from './routes/public';
import { pageAreas, apiAreas } from './areas';

/** The whole application; tests import this and call app.request(). */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('user', null);
    c.set('csrfToken', null);
    c.set('locale', 'zh');
    await next();
  });
  app.use('*', securityHeaders());
  app.use('*', accessLog());
  app.use('*', bodyGuard()); // before anything reads a body: size and field limits per class of route
  app.onError((err, c) => respondWithError(c, err));
  app.notFound((c) => respondWithError(c, new AppError('NOT_FOUND', c.req.path.startsWith('/api/') ? 'No such API route.' : '页面不存在 / This page does not exist.')));

  app.route('/api/v1', createApi(apiAreas));

  // Pages: session cookie, Origin check and the per-session CSRF token on every form route.
  // Mounted at '/', a sub-app's '*' middleware would also see /api requests: skip those.
  const pages = new Hono<AppEnv>();
  const pagesOnly = (mw: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> => (c, next) =>
    c.req.path.startsWith('/api/') ? next() : mw(c, next);
  pages.use('*', pagesOnly(sessionMiddleware()));
  pages.use('*', pagesOnly(originCheck(deps.config.PUBLIC_URL)));
  pages.use('*', pagesOnly(csrfTokenCheck()));
  pages.use('*', pagesOnly(auditorsReadOnly())); // auditors change nothing, whatever the route
  pages.route('/', publicRoutes);
  pages.route('/', authRoutes);
  pages.route('/admin', adminRoutes);
  for (const area of pageAreas) pages.route('/', area);
  app.route('/', pages);
  return app;
}

export type App = ReturnType<typeof createApp>;
