import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, ERROR_STATUS, type ErrorCode } from '../domain/errors';
import type { AppEnv } from '../env';
import { ErrorPage } from '../../views/pages/error';
import { isHtmx, renderFragment, renderPage } from './render';

const STATUS_CODE: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
) as Record<number, ErrorCode>;

/** Anything thrown becomes an AppError; unexpected errors are logged and answered with 500. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 403) return new AppError('FORBIDDEN', '请求来源不被接受 / The request origin is not accepted.');
    if (status === 413) return new AppError('TOO_LARGE');
    return new AppError(STATUS_CODE[status] ?? 'BAD_REQUEST', err.message || undefined);
  }
  if (err instanceof SyntaxError) return new AppError('BAD_REQUEST', 'Malformed JSON body.');
  return new AppError('INTERNAL');
}

const isApiPath = (path: string): boolean => path.startsWith('/api/');

/** The one place where errors meet HTTP: JSON for the API, a friendly page for people. */
export function respondWithError(c: Context<AppEnv>, err: unknown) {
  const e = toAppError(err);
  if (e.code === 'INTERNAL' && c.var.deps?.config.LOG_LEVEL !== 'silent') console.error(err);
  const status = e.status as ContentfulStatusCode;
  if (isApiPath(c.req.path) || c.req.path.endsWith('.pdf')) {
    return c.json({ error: { code: e.code, message: e.userMessage, ...(e.details ? { details: e.details } : {}) } }, status);
  }
  const body = <ErrorPage status={status} message={e.userMessage} locale={c.var.locale ?? 'zh'} />;
  if (isHtmx(c)) return renderFragment(c, body, status);
  return renderPage(c, c.var.locale === 'en' ? 'Error' : '出错了', body, status);
}
