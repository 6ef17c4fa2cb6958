import { Hono } from 'hono';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { auditorsReadOnly } from '../middleware/auditors-read-only';
import { bearerAuth } from './auth';
import { openApiRoute } from './openapi/route';
import { programmeApi } from './programmes';
import { tokenApi } from './tokens';

/** /api/v1: bearer tokens, JSON in and out, errors in the shape of API.md (body limits: middleware/body-guard.ts). */
export function createApi(extra: Hono<AppEnv>[] = []) {
  const api = new Hono<AppEnv>();
  api.use('*', bearerAuth());
  api.use('*', auditorsReadOnly()); // auditors change nothing, through any API route
  api.route('/', openApiRoute);
  api.route('/', tokenApi);
  api.route('/', programmeApi);
  for (const sub of extra) api.route('/', sub);
  api.all('*', () => { throw new AppError('NOT_FOUND', 'No such API route.'); });
  return api;
}
