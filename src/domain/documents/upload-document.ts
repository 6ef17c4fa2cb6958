import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { documents } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { visibleCase, workflowOf } from '../cases/load-case';
import { formEventOf } from '../cases/update-draft';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { displayFilename, sniffFileType } from './file-type';
import { discardStored, storeBytes } from './document-store';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface UploadInput { kind: unknown; filename: string; bytes: Uint8Array }

/**
 * Attaches a document to a case (the API and the page form both call this). Only the
 * enterprise's applicants upload; a kind may be replaced while the form is still theirs
 * (draft or amendment), and after submission only kinds not yet given may be added.
 */
export function uploadDocument(deps: Deps, user: CurrentUser, caseId: number, input: UploadInput) {
  const row = visibleCase(deps, user, caseId);
  if (user.role !== 'applicant') throw new AppError('FORBIDDEN', '只有申请企业可以上传材料 / Only the applicant enterprise uploads documents.');
  const w = workflowOf(row);
  const spec = w.documents.find((d) => d.kind === input.kind);
  if (!spec) {
    throw new AppError('UNPROCESSABLE', `本项目不需要此类材料 / This programme asks for no document of kind "${String(input.kind).slice(0, 50)}".`,
      { fields: { kind: 'unknown' } });
  }
  if (input.bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('TOO_LARGE', '文件不能超过 20 MB / A file may be at most 20 MB.');
  const type = sniffFileType(input.bytes);
  if (!type) throw new AppError('UNPROCESSABLE', '只接受 PDF、JPEG、PNG 文件 / Only PDF, JPEG and PNG files are accepted.', { fields: { file: 'type' } });
  if (row.isFinal) throw new AppError('UNPROCESSABLE', '案件已办结 / The case is closed.');
  const editable = formEventOf(w, row) !== null;
  const at = iso(deps.clock.now());
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const filename = displayFilename(input.filename, type);
  const storedName = storeBytes(deps, input.bytes, type.ext);
  try {
    return writeTx(deps.db, (tx) => {
      const current = tx.select({ id: documents.id }).from(documents)
        .where(and(eq(documents.caseId, row.id), eq(documents.kind, spec.kind), isNull(documents.replacedAt))).all();
      if (current.length && !editable) {
        throw new AppError('UNPROCESSABLE', '提交后只能在退回补正期间替换材料 / After submission a document can be replaced only while the case is returned for amendment.');
      }
      for (const d of current) tx.update(documents).set({ replacedAt: at }).where(eq(documents.id, d.id)).run();
      const doc = tx.insert(documents).values({
        caseId: row.id, kind: spec.kind, filename, storedName, mime: type.mime, size: input.bytes.length, sha256,
        uploadedBy: user.id, uploadedAt: at,
      }).returning().get();
      appendAudit(tx, {
        at, kind: 'document', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
        type: current.length ? 'document.replaced' : 'document.uploaded',
        data: { documentId: doc.id, kind: spec.kind, filename, size: doc.size, sha256, replaces: current.map((d) => d.id) },
      });
      enqueueWebhooks(tx, { type: 'document.uploaded', caseId: row.id, at, data: { documentId: doc.id, kind: spec.kind, filename, size: doc.size, sha256, replaces: current.map((d) => d.id) } });
      return { id: doc.id, kind: doc.kind, filename: doc.filename, size: doc.size, sha256: doc.sha256, mime: doc.mime };
    });
  } catch (err) {
    discardStored(deps, storedName); // nothing in the database points at it
    throw err;
  }
}
