import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeTx } from '../../db/client';
import { cases, noticeObjections } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { NOTICE_STATE } from './list-notices';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';

export const objectionInput = z.object({
  name: z.string().trim().min(1).max(100).describe('姓名或单位 / Name or organisation'),
  contact: z.string().trim().min(3).max(200).describe('联系方式 / Contact'),
  text: z.string().trim().min(10).max(4000).describe('异议内容 / Objection'),
}).strict();

/** Objections one address may file per hour: enough for a person, not for a flood. */
export const OBJECTIONS_PER_HOUR = 5;

/**
 * Anyone may object to a case while its public notice (公示) runs. The objection is stored with
 * its audit record in one transaction; the officer must resolve it before the approval.
 * 404 when the case is not under notice, 429 above the per-address limit.
 */
export function fileObjection(deps: Deps, caseId: number, input: unknown, address: string): { id: number; caseId: number; createdAt: string } {
  const now = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    const row = Number.isSafeInteger(caseId) && caseId > 0
      ? tx.select({ id: cases.id, state: cases.state, snapshot: cases.snapshot }).from(cases).where(eq(cases.id, caseId)).get() : undefined;
    const endsAt = row ? (JSON.parse(row.snapshot) as { context?: { noticeEndsAt?: string | null } }).context?.noticeEndsAt : null;
    // A notice past its end is over even before the scheduler has moved the case on.
    if (!row || row.state !== NOTICE_STATE || !endsAt || endsAt <= now) {
      throw new AppError('NOT_FOUND', '该案件不在公示期内 / This case is not under public notice.');
    }
    const hourAgo = new Date(Date.parse(now) - 3_600_000).toISOString();
    const recent = tx.select({ n: sql<number>`count(*)` }).from(noticeObjections)
      .where(and(eq(noticeObjections.address, address), gte(noticeObjections.createdAt, hourAgo))).get()?.n ?? 0;
    if (recent >= OBJECTIONS_PER_HOUR) throw new AppError('TOO_MANY_REQUESTS', '提交过于频繁，请一小时后再试 / Too many objections from this address; try again in an hour.');
    const parsed = objectionInput.safeParse(input);
    if (!parsed.success) throw validationError(objectionInput, parsed.error.issues, input);
    const saved = tx.insert(noticeObjections).values({ caseId, ...parsed.data, address, createdAt: now }).returning({ id: noticeObjections.id }).get();
    appendAudit(tx, {
      at: now, kind: 'public', caseId, actorId: null, actorName: parsed.data.name, actorRole: 'public',
      type: 'objection.filed', data: { objectionId: saved.id },
    });
    // Institutions subscribed to objections hear of it from the outbox, committed with the objection.
    enqueueWebhooks(tx, { type: 'notice.objection', caseId, at: now, data: { objectionId: saved.id } });
    return { id: saved.id, caseId, createdAt: now };
  });
}

export interface ObjectionItem { id: number; name: string; contact: string; text: string; createdAt: string }

/** The objections of a case, for the staff who resolve them. */
export function caseObjections(deps: Deps, caseId: number): ObjectionItem[] {
  return deps.db.select({ id: noticeObjections.id, name: noticeObjections.name, contact: noticeObjections.contact, text: noticeObjections.text, createdAt: noticeObjections.createdAt })
    .from(noticeObjections).where(eq(noticeObjections.caseId, caseId)).orderBy(noticeObjections.id).all();
}
