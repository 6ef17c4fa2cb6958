import type { Context, MiddlewareHandler } from 'hono';
import { userForApiToken } from '../domain/auth/api-tokens';
import type { CurrentUser } from '../domain/auth/current-user';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

/** The API user from `Authorization: Bearer <token>`; tokens are looked up by hash. */
export const bearerAuth = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const header = c.req.header('authorization');
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  c.set('user', m ? userForApiToken(c.var.deps, m[1]!) : null);
  await next();
};

export function apiUser(c: Context<AppEnv>): CurrentUser {
  const u = c.var.user;
  if (!u) throw new AppError('UNAUTHENTICATED', 'Missing, invalid or expired bearer token.');
  return u;
}

/** JSON body, or 400 when it is not JSON; the size limit (413) is applied before this. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError('BAD_REQUEST', 'Send JSON with Content-Type: application/json.');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'Malformed JSON body.');
  }
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('BAD_REQUEST', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}
