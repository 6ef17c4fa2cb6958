// Calls for applications (申报指南): which call a new case applies under, what the workflow's
// submission rule needs to know of it, and the budget it has left.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { calls } from '../../db/schema/index';
import { CHOICE_LABELS } from '../../../workflows/form-fields';
import type { Bilingual, CallFacts, Workflow } from '../../../workflows/types';
import { AppError } from '../errors';

export type Call = typeof calls.$inferSelect;

export const callLabel = (c: Pick<Call, 'year' | 'batch'>): Bilingual =>
  ({ zh: `${c.year}年第${c.batch}批申报指南`, en: `The ${c.year} call for applications, batch ${c.batch}` });

export const categoriesOf = (c: Pick<Call, 'categories'>): string[] => JSON.parse(c.categories) as string[];
export const categoryLabel = (code: string): Bilingual => CHOICE_LABELS[code] ?? { zh: code, en: code };

/** The budget of a call: what its approvals have committed and what is left. */
export const budgetOf = (c: Pick<Call, 'budget' | 'committed'>) => ({ budget: c.budget, used: c.committed, left: c.budget - c.committed });

/** The categories a programme's calls may fund: the choices of its form's category field. */
export function programmeCategories(w: Workflow): string[] {
  if (!w.calls) return [];
  const field = w.formSchema.shape[w.calls.categoryField] as { options?: string[] } | undefined;
  return field?.options ?? [];
}

const byId = (db: Db) => preparedQuery(db, 'call-by-id', (d) => d.select().from(calls).where(eq(calls.id, sql.placeholder('id'))).prepare());

export function getCall(db: Db, id: number): Call | undefined {
  return byId(db).get({ id });
}

/** Open for applications now: opened, not closed, and the deadline not passed. */
export const isOpenAt = (c: Call, now: Date) => c.status === 'open' && now.getTime() <= Date.parse(c.deadline);

/** What the submission rule reads (workflows/policy-guards.ts callReason). */
export function callFacts(db: Db, callId: number | null, now: Date): CallFacts | null {
  const c = callId ? getCall(db, callId) : undefined;
  return c ? { open: isOpenAt(c, now), deadline: c.deadline, categories: categoriesOf(c), label: callLabel(c), budgetLeft: c.budget - c.committed } : null;
}

/** The programme's call open now (one at a time: opening a second is refused). */
export function openCallOf(db: Db, programme: string, now: Date): Call | undefined {
  return db.select().from(calls).where(and(eq(calls.programmeCode, programme), eq(calls.status, 'open'))).all().find((c) => isOpenAt(c, now));
}

/**
 * The call a new application of `w` applies under: the one asked for, which must be open, or the
 * programme's open call. Programmes without calls: null.
 */
export function callForNewCase(db: Db, w: Workflow, now: Date, asked?: unknown): number | null {
  if (!w.calls) return null;
  const open = openCallOf(db, w.code, now);
  const wanted = asked === undefined || asked === null || asked === '' ? open?.id : Number(asked);
  if (!open || wanted !== open.id) {
    const zh = open ? `所选申报指南未开放；当前开放的是${callLabel(open).zh}` : `${w.name.zh}目前没有开放的申报指南，暂不受理申请`;
    const en = open ? `That call is not open; the open call is ${callLabel(open).en}` : `${w.name.en} has no open call for applications: applications are not taken now`;
    throw new AppError('UNPROCESSABLE', `${zh} / ${en}`, { reason: { zh, en }, fields: { callId: `${zh} / ${en}` }, byField: { callId: { zh, en } } });
  }
  return open.id;
}

/** Calls of the given programmes, newest first. */
export function listCalls(db: Db, programmes: string[]): Call[] {
  return db.select().from(calls).orderBy(desc(calls.year), desc(calls.batch), desc(calls.id)).all().filter((c) => programmes.includes(c.programmeCode));
}
