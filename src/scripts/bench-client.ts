// The benchmark's client side: signing in as a demo user over HTTP and reading the server
// process's memory, for src/scripts/bench.ts.
import { readFileSync } from 'node:fs';

/**
 * fetch, once more on a dropped connection: after a long autocannon run the server has closed
 * the idle keep-alive sockets that fetch would reuse (a race inherent in keep-alive).
 */
export async function fetchAgain(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    return fetch(input, init);
  }
}

export async function login(url: string, email: string): Promise<string> {
  const r = await fetchAgain(`${url}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ email, password: 'demo-pass-2026' }),
  });
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('cj_session='));
  if (!cookie) throw new Error(`login ${email}: ${r.status}`);
  return cookie.split(';')[0]!;
}

export async function token(url: string, email: string): Promise<string> {
  const r = await fetchAgain(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-pass-2026' }) });
  return ((await r.json()) as { token: string }).token;
}

export function memMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
