import { and, desc, eq } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';

export interface OpenDraft { id: number; reference: string; updatedAt: string }

/**
 * The drafts of one programme that the applicant's enterprise has not submitted yet, newest
 * first: "Start an application" offers to continue one instead of starting a second by mistake.
 */
export function openDrafts(deps: Deps, user: CurrentUser | null, programmeCode: string): OpenDraft[] {
  if (!user || user.role !== 'applicant' || !user.enterpriseId) return [];
  return deps.db.select({ id: cases.id, reference: cases.reference, updatedAt: cases.updatedAt }).from(cases)
    .where(and(eq(cases.enterpriseId, user.enterpriseId), eq(cases.programmeCode, programmeCode), eq(cases.state, 'draft')))
    .orderBy(desc(cases.updatedAt)).limit(5).all();
}
