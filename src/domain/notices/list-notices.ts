import { and, asc, eq, inArray } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import { workflows } from '../../../workflows/index';
import type { Deps } from '../deps';

export interface Notice {
  caseId: number; reference: string; programme: string; programmeName: { zh: string; en: string };
  enterprise: string; project: string; amount: number; endsAt: string;
}

/** The workflow state in which a case is under public notice (公示). */
export const NOTICE_STATE = 'publicNotice';
/** The programmes whose supported cases pass through a 公示 (their grants to named enterprises are public). */
export const noticeProgrammes = () => Object.values(workflows).filter((w) => NOTICE_STATE in w.stateLabels).map((w) => w.code);

/**
 * Cases under public notice now, soonest end first: the enterprise, the project and the amount
 * proposed, as published (grants to named enterprises are public while the notice runs).
 */
export function listNotices(deps: Deps): Notice[] {
  const rows = deps.db.select({ id: cases.id, reference: cases.reference, programme: cases.programmeCode, enterprise: cases.enterpriseName, form: cases.form, snapshot: cases.snapshot })
    .from(cases).where(and(eq(cases.state, NOTICE_STATE), inArray(cases.programmeCode, noticeProgrammes()))).orderBy(asc(cases.id)).all();
  const out: Notice[] = [];
  const now = deps.clock.now().toISOString();
  for (const r of rows) {
    const ctx = (JSON.parse(r.snapshot) as { context?: { recommendation?: { amount?: number } | null; noticeEndsAt?: string | null } }).context;
    // Past its end the notice is over, even before the scheduler moves the case on.
    if (!ctx?.recommendation || !ctx.noticeEndsAt || ctx.noticeEndsAt <= now) continue;
    const form = JSON.parse(r.form) as { projectName?: unknown };
    const w = workflows[r.programme as keyof typeof workflows];
    out.push({
      caseId: r.id, reference: r.reference, programme: r.programme, programmeName: w.name,
      enterprise: r.enterprise, project: typeof form.projectName === 'string' ? form.projectName : '',
      amount: Number(ctx.recommendation.amount ?? 0), endsAt: ctx.noticeEndsAt,
    });
  }
  return out.sort((a, b) => a.endsAt.localeCompare(b.endsAt) || a.caseId - b.caseId);
}

/** One case under notice, or undefined when it is not under notice now. */
export function noticeOf(deps: Deps, caseId: number): Notice | undefined {
  if (!Number.isSafeInteger(caseId) || caseId <= 0) return undefined;
  return listNotices(deps).find((n) => n.caseId === caseId);
}
