import { Hono, type Context } from 'hono';
import { visibleCase } from '../domain/cases/load-case';
import { downloadDocument } from '../domain/documents/download-document';
import { uploadDocument, type UploadInput } from '../domain/documents/upload-document';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { apiUser } from './auth';
import { caseId } from './cases';

/** The multipart body of an upload (`file`, `kind`); 400 when it is not one. Shared with the pages. */
export async function readUpload(c: Context<AppEnv>): Promise<UploadInput> {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    throw new AppError('BAD_REQUEST', 'Send multipart/form-data with the fields file and kind.');
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (err) {
    if (err instanceof AppError) throw err; // the body limit's 413
    throw new AppError('BAD_REQUEST', 'Malformed multipart body.');
  }
  // One upload is one file: a second file (under any name) is refused, never silently dropped.
  const files = Object.values(body).flat().filter((v) => v instanceof File);
  if (files.length > 1) throw new AppError('BAD_REQUEST', '一次只能上传一个文件 / Send one file per upload.');
  const file = body.file;
  if (!(file instanceof File)) throw new AppError('BAD_REQUEST', '请选择文件 / The field "file" must be a file.', { fields: { file: 'required' } });
  return { kind: Array.isArray(body.kind) ? undefined : body.kind, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Serves a document as an attachment under our own name; nosniff so it is never rendered as HTML. */
export function sendDocument(c: Context<AppEnv>, doc: ReturnType<typeof downloadDocument>) {
  return c.body(new Uint8Array(doc.bytes), 200, {
    'Content-Type': doc.mime,
    'Content-Disposition': `attachment; filename="${doc.name}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Digest': `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`,
  });
}

export const documentApi = new Hono<AppEnv>()
  .post('/cases/:id/documents', async (c) => {
    const user = apiUser(c);
    const id = caseId(c);
    visibleCase(c.var.deps, user, id); // 404 before reading the body (API.md order of refusals)
    const doc = uploadDocument(c.var.deps, user, id, await readUpload(c));
    return c.json({ id: doc.id, kind: doc.kind, filename: doc.filename, size: doc.size, sha256: doc.sha256 }, 201);
  })
  .get('/cases/:id/documents/:docId', (c) => {
    const user = apiUser(c);
    return sendDocument(c, downloadDocument(c.var.deps, user, caseId(c), Number(c.req.param('docId'))));
  });
