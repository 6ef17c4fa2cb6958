// One HTTP POST of a delivery, signed: X-Chengjie-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256
// of "<t>.<raw body>" keyed with the endpoint's secret> (API.md). Redirects are not followed.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { literalHostRefused, safeLookup } from './url-safety';

const signature = (secret: string, t: number, body: string) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

export interface SendResult { status: number | null; error: string | null }

const TIMEOUT_MS = 10_000;

export function sendSigned(d: { url: string; secret: string; body: string; deliveryId: string; type: string; now: Date; allowPrivate: boolean }): Promise<SendResult> {
  const url = new URL(d.url);
  if (literalHostRefused(url, d.allowPrivate)) return Promise.resolve({ status: null, error: 'private address refused' });
  const t = Math.floor(d.now.getTime() / 1000);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(url, {
      method: 'POST',
      lookup: safeLookup(d.allowPrivate) as never,
      timeout: TIMEOUT_MS,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(d.body),
        'User-Agent': 'Chengjie-Webhooks/1',
        'X-Chengjie-Signature': signature(d.secret, t, d.body),
        'X-Chengjie-Delivery': d.deliveryId,
        'X-Chengjie-Event': d.type,
      },
    }, (res) => {
      res.resume(); // the answer's body is not needed, only its status
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
      res.on('error', () => resolve({ status: res.statusCode ?? null, error: null }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ status: null, error: err.message.slice(0, 200) }));
    req.end(d.body);
  });
}
