// A real HTTP receiver on 127.0.0.1 that records every delivery and checks its signature the
// way the README tells an institution to.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { deliveryId: string; signature: string; body: string; json: Record<string, any>; at: number }

/** The README's check: recompute HMAC-SHA-256 of "<t>.<raw body>" and compare in constant time. */
export function verifySignature(secret: string, header: string, rawBody: string, toleranceSeconds = Infinity, now = Date.now()): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${rawBody}`).digest();
  const given = Buffer.from(m[2]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(now / 1000 - Number(m[1])) <= toleranceSeconds;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer this status to the next n requests (then 200). */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
  server: Server;
}

export async function startReceiver(path = '/hook'): Promise<Receiver> {
  const received: Received[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) { failures--; res.writeHead(failStatus).end('not now'); return; }
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ deliveryId: String(req.headers['x-chengjie-delivery']), signature: String(req.headers['x-chengjie-signature']), body, json: JSON.parse(body), at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`, received, server,
    failNext(n, status = 503) { failures = n; failStatus = status; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
