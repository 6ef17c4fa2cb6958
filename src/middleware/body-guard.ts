// Request bodies are bounded per class of route, and counted while they stream in, before any
// parser sees them: a form of a million field names or a 20 MB post to a page would otherwise
// be parsed whole (and could exhaust the heap) before any check ran.
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';

export interface BodyLimit { maxBytes: number; maxFields: number }

/** The limits, per class of route (README, security section). */
export const BODY_LIMITS = {
  /** Every page form: the longest legitimate one (an expert opinion of 4,000 characters, a 360-row schedule) is far below. */
  page: { maxBytes: 64 * 1024, maxFields: 2_000 },
  /** JSON API bodies (API.md: 1 MB). */
  json: { maxBytes: 1024 * 1024, maxFields: 2_000 },
  /** Document uploads: one file of at most 20 MB plus a few small fields, multipart only. */
  upload: { maxBytes: 20 * 1024 * 1024 + 64 * 1024, maxFields: 6 },
} satisfies Record<string, BodyLimit>;

/** The routes that accept a document upload (POST, multipart/form-data). */
const UPLOAD_ROUTES: RegExp[] = [
  /^\/api\/v1\/cases\/[^/]+\/documents\/?$/,
  /^\/portal\/cases\/[^/]+\/documents\/?$/,
];

const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The class of a request: only a multipart POST to an upload route may be large. */
function bodyLimitFor(c: Context): BodyLimit {
  const type = mediaType(c);
  if (c.req.method === 'POST' && type === 'multipart/form-data' && UPLOAD_ROUTES.some((r) => r.test(c.req.path))) return BODY_LIMITS.upload;
  return c.req.path.startsWith('/api/') ? BODY_LIMITS.json : BODY_LIMITS.page;
}

function tooLarge(c: Context, why: 'bytes' | 'fields', limit: BodyLimit): AppError {
  if (limit === BODY_LIMITS.upload && why === 'bytes') return new AppError('TOO_LARGE', '文件不能超过 20 MB / A file may be at most 20 MB.');
  if (c.req.path.startsWith('/api/')) {
    return new AppError('TOO_LARGE', why === 'bytes'
      ? `The request body may be at most ${Math.round(limit.maxBytes / 1024)} KB here.`
      : `The request body may have at most ${limit.maxFields} fields here.`);
  }
  return new AppError('TOO_LARGE', why === 'bytes'
    ? '提交的内容过大 / What was sent is too large for this form.'
    : '提交的字段过多 / What was sent has too many fields for this form.');
}

/** Where the next field starts: `&` in a urlencoded body, the boundary line in a multipart one. */
function fieldSeparator(c: Context): Buffer | null {
  const type = mediaType(c);
  if (type === 'application/x-www-form-urlencoded') return Buffer.from('&');
  if (type === 'multipart/form-data') {
    const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(c.req.header('content-type') ?? '');
    const boundary = m?.[1] ?? m?.[2];
    return boundary ? Buffer.from(`--${boundary}`) : null;
  }
  return null;
}

/** Reads the body chunk by chunk, refusing as soon as it passes either limit. */
async function readLimited(c: Context, limit: BodyLimit): Promise<ArrayBuffer> {
  const stream = c.req.raw.body;
  if (!stream) return new ArrayBuffer(0);
  const separator = fieldSeparator(c);
  // Multipart: n parts have n + 1 boundary lines; urlencoded: n fields have n - 1 separators.
  const maxSeparators = separator && separator.length > 1 ? limit.maxFields + 1 : limit.maxFields - 1;
  const reader = stream.getReader();
  let buffer = Buffer.alloc(Math.min(limit.maxBytes, 16 * 1024));
  let size = 0;
  let separators = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > limit.maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(c, 'bytes', limit);
    }
    if (size + value.length > buffer.length) {
      const grown = Buffer.alloc(Math.min(limit.maxBytes, Math.max(size + value.length, buffer.length * 2)));
      buffer.copy(grown, 0, 0, size);
      buffer = grown;
    }
    buffer.set(value, size);
    // Count separators in the new bytes, including one that straddles the previous chunk.
    if (separator) {
      let at = Math.max(0, size - separator.length + 1);
      const end = size + value.length;
      for (;;) {
        const i = buffer.subarray(0, end).indexOf(separator, at);
        if (i < 0) break;
        if (++separators > maxSeparators) {
          void reader.cancel().catch(() => undefined);
          throw tooLarge(c, 'fields', limit);
        }
        at = i + separator.length;
      }
    }
    size += value.length;
  }
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + size) as ArrayBuffer;
}

/**
 * First middleware to see a body: a declared Content-Length over the limit is refused at once;
 * otherwise every later read of the body (parseBody, json, text) goes through readLimited, and
 * only when something reads it — a refused or anonymous request costs no buffering.
 */
export const bodyGuard = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!c.req.raw.body) return next();
  const limit = bodyLimitFor(c);
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > limit.maxBytes) throw tooLarge(c, 'bytes', limit);
  let reading: Promise<ArrayBuffer> | null = null;
  const lazy = { then: <T, E>(ok: (b: ArrayBuffer) => T, fail?: (e: unknown) => E) => (reading ??= readLimited(c, limit)).then(ok, fail) };
  // Hono reads every body through this cache (HonoRequest.#cachedBody): text and json convert from it.
  (c.req.bodyCache as Record<string, unknown>).arrayBuffer = lazy;
  return next();
};
