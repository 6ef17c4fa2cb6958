import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { bearerAuth } from './auth';
import { programmeApi } from './programmes';
import { tokenApi } from './tokens';

export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** /api/v1: bearer tokens, JSON in and out, errors in the shape of API.md. */
export function createApi(extra: Hono<AppEnv>[] = []) {
  const api = new Hono<AppEnv>();
  api.use('*', bodyLimit({
    // Document uploads may be up to 20 MB (plus multipart overhead); everything else 1 MB.
    maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
    onError: () => { throw new AppError('TOO_LARGE', 'The request body is too large.'); },
  }));
  api.use('*', async (c, next) => {
    const isUpload = (c.req.header('content-type') ?? '').startsWith('multipart/form-data');
    const len = Number(c.req.header('content-length') ?? 0);
    if (!isUpload && len > MAX_JSON_BYTES) throw new AppError('TOO_LARGE', 'JSON bodies may be at most 1 MB.');
    if (!isUpload && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw new AppError('TOO_LARGE', 'JSON bodies may be at most 1 MB.'); } })(c, next);
    }
    await next();
  });
  api.use('*', bearerAuth());
  api.route('/', tokenApi);
  api.route('/', programmeApi);
  for (const sub of extra) api.route('/', sub);
  api.all('*', () => { throw new AppError('NOT_FOUND', 'No such API route.'); });
  return api;
}
