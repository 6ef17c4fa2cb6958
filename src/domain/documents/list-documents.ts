import { and, asc, eq, isNull } from 'drizzle-orm';
import { documents } from '../../db/schema/index';
import type { Deps } from '../deps';

export type DocumentRow = Omit<typeof documents.$inferSelect, 'storedName'>;

/** The case's current documents (replaced ones are kept for the record but not listed). */
export function listDocuments(deps: Deps, caseId: number, opts: { includeReplaced?: boolean } = {}): DocumentRow[] {
  const where = opts.includeReplaced ? eq(documents.caseId, caseId) : and(eq(documents.caseId, caseId), isNull(documents.replacedAt));
  return deps.db.select({
    id: documents.id, caseId: documents.caseId, kind: documents.kind, filename: documents.filename, mime: documents.mime,
    size: documents.size, sha256: documents.sha256, uploadedBy: documents.uploadedBy, uploadedAt: documents.uploadedAt,
    replacedAt: documents.replacedAt,
  }).from(documents).where(where).orderBy(asc(documents.kind), asc(documents.id)).all();
}
