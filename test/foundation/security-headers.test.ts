import { describe, expect, it } from 'vitest';
import { formPost, get, login, makeTestApp, setCookieLine, setCookies } from '../helpers/index';

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  const hsts = /max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '');
  expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('security headers', () => {
  it.each(['/', '/login', '/register', '/no-such-page'])('are on the HTML answer of %s', async (path) => {
    const { app } = await makeTestApp({ demo: false });
    const res = await get(app, path);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expectSecurityHeaders(res);
  });

  it('are on error pages and signed-in pages too', async () => {
    const { app } = await makeTestApp();
    const notFound = await get(app, '/no-such-page');
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound);
    const s = await login(app, 'auditor@demo.local');
    expectSecurityHeaders(await get(app, '/audit', s.cookie));
    expectSecurityHeaders(await get(app, '/admin/users', s.cookie)); // 403 page
  });

  it('pages carry no inline script (the CSP would block it)', async () => {
    const { app } = await makeTestApp();
    const s = await login(app, 'officer@demo.local');
    for (const [path, cookie] of [['/', undefined], ['/login', undefined], ['/workbench', s.cookie]] as const) {
      const html = await (await get(app, path, cookie)).text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\/static\//);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    }
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax over HTTP', async () => {
    const { app } = await makeTestApp();
    const res = await formPost(app, '/login', { email: 'ent1@demo.local', password: 'demo-pass-2026' });
    const line = setCookieLine(res, 'cj_session') ?? '';
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Secure/i);
  });

  it('is __Host-cj_session with Secure when HTTPS=1', async () => {
    const { app } = await makeTestApp({ config: { HTTPS: '1' } });
    const res = await formPost(app, '/login', { email: 'ent1@demo.local', password: 'demo-pass-2026' });
    expect(res.status).toBe(303);
    expect(setCookies(res).cj_session).toBeUndefined();
    const line = setCookieLine(res, '__Host-cj_session') ?? '';
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/Domain=/i);
    // ...and the session works under that name.
    const value = setCookies(res)['__Host-cj_session'];
    expect((await get(app, '/portal', `__Host-cj_session=${value}`)).status).toBe(200);
    expect((await get(app, '/portal', `cj_session=${value}`)).status).toBe(401);
  });

  it('is cleared at logout over HTTPS too', async () => {
    const { app } = await makeTestApp({ config: { HTTPS: '1' } });
    const s = await login(app, 'ent1@demo.local', 'demo-pass-2026', '__Host-cj_session');
    const res = await formPost(app, '/logout', {}, { cookie: s.cookie, csrf: s.csrf });
    expect(res.status).toBe(303);
    expect(setCookieLine(res, '__Host-cj_session')).toMatch(/Max-Age=0.*Secure|Secure.*Max-Age=0/i);
    expect((await get(app, '/portal', s.cookie)).status).toBe(401);
  });
});
