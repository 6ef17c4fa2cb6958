import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { destroySession, loadSession } from '../domain/auth/sessions';
import type { AppEnv } from '../env';

/** `__Host-` pins the cookie to this host and path / over HTTPS; plain name over HTTP (local use). */
const sessionCookieName = (config: Config): string => (config.HTTPS ? '__Host-cj_session' : 'cj_session');

/**
 * Signing in as someone new (registration, an accepted invitation) first ends the session the
 * browser already had: two identities must never share one browser's requests.
 */
export function replaceSession(c: Context<AppEnv>, value: string): void {
  const old = readSessionCookie(c);
  if (old) destroySession(c.var.deps, old);
  c.set('user', null);
  setSessionCookie(c, value);
}

export function setSessionCookie(c: Context<AppEnv>, value: string): void {
  const config = c.var.deps.config;
  setCookie(c, sessionCookieName(config), value, {
    httpOnly: true, sameSite: 'Lax', secure: config.HTTPS, path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const config = c.var.deps.config;
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.HTTPS, httpOnly: true, sameSite: 'Lax' });
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c.var.deps.config));
}

/** Puts the signed-in user (or null) and the session's CSRF token on the context. */
export const sessionMiddleware = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const cookie = readSessionCookie(c);
  const session = cookie ? loadSession(c.var.deps, cookie) : null;
  c.set('user', session?.user ?? null);
  c.set('csrfToken', session?.csrfToken ?? null);
  const lang = getCookie(c, 'cj_lang');
  c.set('locale', lang === 'en' || lang === 'zh' ? lang : (session?.user.locale ?? 'zh'));
  await next();
};
