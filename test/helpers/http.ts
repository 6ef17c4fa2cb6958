// Requests as a browser or an API client would send them, through app.request().
import type { App } from '../../src/app';
import { testConfig } from '../../src/config';
import { DEMO_PASSWORD } from '../../src/domain/setup/demo-accounts';

/** The origin a browser on our own pages sends (PUBLIC_URL of testConfig()). */
export const OWN_ORIGIN = new URL(testConfig().PUBLIC_URL).origin;

/** `name=value` pairs from a response's Set-Cookie headers (attributes dropped). */
export function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i).trim()] = pair!.slice(i + 1).trim();
  }
  return out;
}

/** The full Set-Cookie line for one cookie, to inspect its attributes. */
export function setCookieLine(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
}

/** The per-session token of `<meta name="csrf-token">`, or null when the page has none. */
export function csrfFromPage(html: string): string | null {
  return /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? null;
}

export function get(app: App, path: string, cookie?: string, headers: Record<string, string> = {}) {
  return app.request(path, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
}

export interface FormOptions {
  /** `Cookie` header, e.g. the `cookie` that login() returns. */
  cookie?: string;
  /** Sent as the `_csrf` field. */
  csrf?: string | null;
  /** `Origin` header; defaults to our own origin, `null` sends none. */
  origin?: string | null;
  /** The client's IP address as the Node server would see it (default: none, 'unknown'). */
  address?: string;
}

/** The bindings @hono/node-server passes, enough for getConnInfo() to find the address. */
const fromAddress = (address?: string) => (address ? { incoming: { socket: { remoteAddress: address } } } : undefined);

/** A urlencoded form POST, as a browser submits it. */
export function formPost(app: App, path: string, fields: Record<string, string>, opts: FormOptions = {}) {
  const body = new URLSearchParams(fields);
  if (opts.csrf) body.set('_csrf', opts.csrf);
  const origin = opts.origin === undefined ? OWN_ORIGIN : opts.origin;
  return app.request(path, {
    method: 'POST',
    body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(origin ? { origin } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
  }, fromAddress(opts.address));
}

export interface Session {
  /** `Cookie` header value carrying the session. */
  cookie: string;
  /** The raw session id (cookie value). */
  sessionId: string;
  /** The CSRF token of the desk page login landed on. */
  csrf: string;
  /** Where login redirected (the role's desk). */
  location: string;
}

/** Signs in through POST /login and opens the desk it lands on; throws if login fails. */
export async function login(app: App, email: string, password: string = DEMO_PASSWORD, cookieName = 'cj_session'): Promise<Session> {
  const res = await formPost(app, '/login', { email, password });
  const sessionId = setCookies(res)[cookieName];
  const location = res.headers.get('location');
  if (res.status !== 303 || !sessionId || !location) throw new Error(`login of ${email} failed: ${res.status}`);
  const cookie = `${cookieName}=${sessionId}`;
  const page = await get(app, location, cookie);
  const csrf = csrfFromPage(await page.text());
  if (!csrf) throw new Error(`no csrf-token meta on ${location} (${page.status})`);
  return { cookie, sessionId, csrf, location };
}

/** JSON request to the API, with an optional bearer token. */
export function apiRequest(app: App, method: string, path: string, body?: unknown, token?: string) {
  return app.request(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** A bearer token for a user (POST /api/v1/tokens); throws unless 201. */
export async function apiToken(app: App, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const res = await apiRequest(app, 'POST', '/api/v1/tokens', { email, password });
  if (res.status !== 201) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
