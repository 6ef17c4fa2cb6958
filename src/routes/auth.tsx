import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { authenticate } from '../domain/auth/login';
import { createSession, destroySession } from '../domain/auth/sessions';
import { AppError } from '../domain/errors';
import { registerEnterprise } from '../domain/users/register-enterprise';
import { PROVINCES, eligibilityLabel } from '../domain/reference/provinces';
import { INDUSTRIES } from '../../workflows/policy-lists';
import type { AppEnv } from '../env';
import { LoginPage } from '../../views/pages/login';
import { RegisterPage } from '../../views/pages/register';
import { clientIp } from '../middleware/client-address';
import { clearSessionCookie, readSessionCookie, replaceSession, setSessionCookie } from '../middleware/session';
import { homePathFor, renderPage } from './render';
import { fieldMessages } from './refusal-messages';

/** Only local paths are followed after login (no open redirect). */
const safeNext = (next: unknown): string | null =>
  typeof next === 'string' && /^\/[A-Za-z0-9/_\-?=&.%]*$/.test(next) && !next.startsWith('//') ? next : null;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const provinces = PROVINCES.map((p) => ({ name: p.name, nameEn: p.nameEn, eligibility: eligibilityLabel(p) }));

export const authRoutes = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.user) return c.redirect(homePathFor(c.var.user.role));
    return renderPage(c, c.var.locale === 'zh' ? '登录' : 'Sign in', <LoginPage locale={c.var.locale} next={safeNext(c.req.query('next')) ?? undefined} />);
  })
  .post('/login', async (c) => {
    const body = await c.req.parseBody();
    const email = str(body.email);
    try {
      const user = await authenticate(c.var.deps, email, str(body.password), clientIp(c));
      const old = readSessionCookie(c);
      if (old) destroySession(c.var.deps, old); // a new id at every login: no fixation
      const { cookieValue } = createSession(c.var.deps, user.id);
      setSessionCookie(c, cookieValue);
      return c.redirect(safeNext(body.next) ?? homePathFor(user.role), 303);
    } catch (err) {
      if (!(err instanceof AppError) || !['UNAUTHENTICATED', 'TOO_MANY_REQUESTS'].includes(err.code)) throw err;
      const status = err.code === 'TOO_MANY_REQUESTS' ? 429 : 401;
      return renderPage(c, c.var.locale === 'zh' ? '登录' : 'Sign in', <LoginPage locale={c.var.locale} email={email} error={err.userMessage} />, status);
    }
  })
  .post('/logout', (c) => {
    const cookie = readSessionCookie(c);
    if (cookie) destroySession(c.var.deps, cookie);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  })
  .get('/register', (c) =>
    renderPage(c, c.var.locale === 'zh' ? '企业注册' : 'Register', <RegisterPage locale={c.var.locale} provinces={provinces} industries={INDUSTRIES} csrfToken={c.var.csrfToken} />))
  .post('/register', async (c) => {
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== 'password' && k !== '_csrf')) as Record<string, string>;
    try {
      const user = await registerEnterprise(c.var.deps, { ...values, password: str(body.password) });
      const { cookieValue } = createSession(c.var.deps, user.id);
      replaceSession(c, cookieValue);
      return c.redirect('/portal', 303);
    } catch (err) {
      if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
      const errors = fieldMessages(err, c.var.locale);
      return renderPage(c, c.var.locale === 'zh' ? '企业注册' : 'Register',
        <RegisterPage locale={c.var.locale} provinces={provinces} industries={INDUSTRIES} values={values} errors={errors}
          error={c.var.locale === 'zh' ? '请更正标出的内容。' : 'Please correct the marked fields.'} csrfToken={c.var.csrfToken} />, 422);
    }
  })
  .post('/lang', async (c) => {
    const body = await c.req.parseBody();
    const lang = body.lang === 'en' ? 'en' : 'zh';
    setCookie(c, 'cj_lang', lang, { path: '/', sameSite: 'Lax', httpOnly: true, secure: c.var.deps.config.HTTPS, maxAge: 365 * 86400 });
    return c.redirect(refererPath(c.req.header('referer')) ?? '/', 303);
  });

/** The page a language switch came from; a malformed Referer (any header a client invents) means none. */
function refererPath(referer: string | undefined): string | null {
  if (!referer || !URL.canParse(referer, 'http://x')) return null;
  return safeNext(new URL(referer, 'http://x').pathname);
}
