// The request that used to take the server down — an anonymous form of ~12 MB with ~1.4 million
// distinct field names — against a real server process with the heap ceiling of `npm start`:
// refused with 413 while streaming, and the process keeps answering /healthz.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/scripts/server-process';

let server: RunningServer;
beforeAll(async () => { server = await startServer(); }, 90_000);
afterAll(async () => { await server?.stop(); });

function manyFields(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`f${i}=`);
  return parts.join('&');
}

/** Sends the body as 64 KB chunks without a Content-Length (chunked transfer). */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(ctl) {
      if (at >= bytes.length) return ctl.close();
      ctl.enqueue(bytes.subarray(at, (at += 64 * 1024)));
    },
  });
}

async function post(path: string, body: string | ReadableStream<Uint8Array>, type: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const res = await fetch(server.url + path, { method: 'POST', body, duplex: 'half', headers: { 'content-type': type, origin: server.url, ...headers } } as RequestInit);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // the server may close the connection once it has answered; /healthz says whether it survived
  }
}

async function alive(): Promise<void> {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
  expect(server.proc.exitCode).toBeNull();
  expect(server.proc.signalCode).toBeNull();
}

it('refuses 1.4 million field names in 12 MB (with and without Content-Length) and stays up', async () => {
  const body = manyFields(1_400_000);
  expect(body.length).toBeGreaterThan(12_000_000);
  const started = Date.now();
  expect([413, 0]).toContain(await post('/login', body, 'application/x-www-form-urlencoded'));
  await alive();
  expect(await post('/login', streamOf(body), 'application/x-www-form-urlencoded')).toBe(413);
  await alive();
  expect(await post('/register', streamOf(body), 'application/x-www-form-urlencoded')).toBe(413);
  await alive();
  // Refused within the first 64 KB: no second of parsing blocks the event loop.
  expect(Date.now() - started).toBeLessThan(15_000);
}, 60_000);

it('refuses a multipart upload of 100,000 parts within the 20 MB limit while streaming, and stays up', async () => {
  const tokenRes = await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ent1@demo.local', password: 'demo-pass-2026' }) });
  const { token } = (await tokenRes.json()) as { token: string };
  const caseRes = await fetch(`${server.url}/api/v1/cases?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await caseRes.json()) as { items: { id: number }[] };
  const id = items[0]?.id ?? 1;
  const b = 'b'.repeat(20);
  const body = `${`--${b}\r\ncontent-disposition: form-data; name="f"\r\n\r\n1\r\n`.repeat(100_000)}--${b}--\r\n`;
  expect(body.length).toBeLessThan(20 * 1024 * 1024);
  expect(await post(`/api/v1/cases/${id}/documents`, streamOf(body), `multipart/form-data; boundary=${b}`, { authorization: `Bearer ${token}` })).toBe(413);
  await alive();
}, 60_000);
