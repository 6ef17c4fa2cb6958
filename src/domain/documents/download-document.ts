import { and, eq } from 'drizzle-orm';
import { documents } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { visibleCase } from '../cases/load-case';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { readStored } from './document-store';
import { requireReadable } from '../workbench/expert-review';

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A document's bytes for whoever may see the case; the download is in the audit trail. */
export function downloadDocument(deps: Deps, user: CurrentUser, caseId: number, docId: number) {
  const row = visibleCase(deps, user, caseId);
  requireReadable(deps, user, row); // an expert reads documents only after declaring no conflict
  const doc = Number.isSafeInteger(docId) && docId > 0
    ? deps.db.select().from(documents).where(and(eq(documents.id, docId), eq(documents.caseId, row.id))).get()
    : undefined;
  if (!doc) throw new AppError('NOT_FOUND', 'No such document.');
  let bytes: Buffer;
  try {
    bytes = readStored(deps, doc.storedName);
  } catch {
    throw new AppError('NOT_FOUND', '文件已不在存储中 / The file is no longer in storage.');
  }
  writeTx(deps.db, (tx) => appendAudit(tx, {
    at: iso(deps.clock.now()), kind: 'download', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
    type: 'document.downloaded', data: { documentId: doc.id, kind: doc.kind, sha256: doc.sha256 },
  }));
  // The name is ours (reference, kind, id): the original name is shown, never sent back as a header.
  const name = `${row.reference}-${doc.kind}-${doc.id}.${EXT[doc.mime] ?? 'bin'}`;
  return { bytes, mime: doc.mime, name, sha256: doc.sha256 };
}
