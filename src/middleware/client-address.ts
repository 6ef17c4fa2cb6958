import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../env';

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * The client's address (login throttling, refusal logs). With TRUST_PROXY=n, the server sits
 * behind n proxies of its own: each appends the address it received from to X-Forwarded-For,
 * so the client is the n-th address from the right (the socket being the last proxy). Entries
 * further left are whatever the client sent and are never believed.
 */
export function clientIp(c: Context<AppEnv>): string {
  const socket = socketAddress(c);
  const hops = c.var.deps?.config.TRUST_PROXY ?? 0;
  if (hops === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const chain = [socket, ...forwarded.reverse()]; // nearest first
  const ip = chain[Math.min(hops, chain.length - 1)]!;
  return ip.length <= 64 ? ip : ip.slice(0, 64);
}
