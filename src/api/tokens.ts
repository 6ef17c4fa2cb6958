import { Hono } from 'hono';
import { z } from 'zod';
import { issueApiToken, revokeApiToken } from '../domain/auth/api-tokens';
import { authenticate } from '../domain/auth/login';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { clientIp } from '../middleware/client-address';
import { apiUser, readJson } from './auth';

export const credentials = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export const tokenApi = new Hono<AppEnv>()
  .post('/tokens', async (c) => {
    const parsed = credentials.safeParse(await readJson(c));
    if (!parsed.success) throw new AppError('BAD_REQUEST', 'Send {"email","password"} as strings.');
    const user = await authenticate(c.var.deps, parsed.data.email, parsed.data.password, clientIp(c));
    const { token, expiresAt } = issueApiToken(c.var.deps, user.id);
    return c.json({ token, expiresAt }, 201);
  })
  .delete('/tokens/current', (c) => {
    const user = apiUser(c);
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    revokeApiToken(c.var.deps, user.id, token);
    return c.body(null, 204);
  });
