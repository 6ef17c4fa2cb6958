// No header ever makes a 500: malformed Referer, Origin, Cookie, X-Forwarded-For and
// Content-Type on the language switch, the login form and the API.
import { expect, it } from 'vitest';
import { makeTestApp, OWN_ORIGIN } from '../helpers/index';

const JUNK = ['http://[::1', 'http://%zz', '::::', '\u00ff\u00fe', 'a'.repeat(8000), 'http://x:99999/', '//evil.example/%E0%A4%A'];

it('answers POST /lang with any Referer without a 500, and never redirects off the site', async () => {
  const { app } = await makeTestApp();
  for (const referer of JUNK) {
    const res = await app.request('/lang', {
      method: 'POST', body: 'lang=en',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN, referer: referer.replace(/[^\x20-\xff]/g, '') },
    });
    expect(res.status, referer.slice(0, 40)).toBe(303);
    expect(res.headers.get('location')!.startsWith('/')).toBe(true);
    expect(res.headers.get('location')!.startsWith('//')).toBe(false);
  }
});

it('answers junk Cookie, X-Forwarded-For and Content-Type headers without a 500', async () => {
  const { app } = await makeTestApp({ config: { TRUST_PROXY: '2' } });
  for (const junk of JUNK) {
    const v = junk.replace(/[^\x20-\xff]/g, '');
    for (const [path, method] of [['/login', 'POST'], ['/', 'GET'], ['/api/v1/tokens', 'POST'], ['/lang', 'POST']] as const) {
      const res = await app.request(path, {
        method, body: method === 'POST' ? 'email=a&password=b' : undefined,
        headers: { cookie: `cj_session=${v}; cj_lang=${v}`, 'x-forwarded-for': v, 'content-type': v, origin: OWN_ORIGIN, referer: v },
      });
      expect(res.status, `${method} ${path} ${v.slice(0, 30)}`).toBeLessThan(500);
    }
  }
});
