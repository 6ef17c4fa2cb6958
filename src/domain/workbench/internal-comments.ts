// Internal comments of staff on a case. They live in case_comments, which no applicant page or
// API answer reads: only the workbench lists them.
import { asc, eq } from 'drizzle-orm';
import { caseComments, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { visibleCase } from '../cases/load-case';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole, STAFF_ROLES } from '../policy';
import { requireReadable } from './expert-review';

export interface InternalComment { id: number; author: string; role: string; body: string; createdAt: string }

export function listComments(deps: Deps, caseId: number): InternalComment[] {
  return deps.db.select({ id: caseComments.id, author: users.name, role: users.role, body: caseComments.body, createdAt: caseComments.createdAt })
    .from(caseComments).innerJoin(users, eq(users.id, caseComments.authorId))
    .where(eq(caseComments.caseId, caseId)).orderBy(asc(caseComments.id)).all();
}

/** Staff who may see the case add a comment; auditors read but never write. */
export function addComment(deps: Deps, user: CurrentUser, caseId: number, body: unknown): InternalComment {
  requireRole(user, ...STAFF_ROLES);
  const row = visibleCase(deps, user, caseId);
  requireReadable(deps, user, row);
  const text = typeof body === 'string' ? body.trim() : '';
  if (text.length < 1 || text.length > 4000) {
    throw new AppError('UNPROCESSABLE', '意见须为 1–4000 字 / A comment is 1 to 4000 characters.', { fields: { body: 'length' } });
  }
  const at = iso(deps.clock.now());
  const id = writeTx(deps.db, (tx) => {
    const inserted = tx.insert(caseComments).values({ caseId: row.id, authorId: user.id, body: text, createdAt: at }).returning({ id: caseComments.id }).get();
    appendAudit(tx, {
      at, kind: 'comment', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'comment.added', data: { commentId: inserted.id, body: text },
    });
    return inserted.id;
  });
  return { id, author: user.name, role: user.role, body: text, createdAt: at };
}
