import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { documents, enterprises, expertConflicts, noticeObjections, users } from '../../db/schema/index';
import { workflowFor } from '../../../workflows/index';
import type { CaseFacts, LocationStanding, OutsideDesignated } from '../../../workflows/types';
import { iso, type Deps } from '../deps';
import { callFacts } from '../calls/calls';
import { locationStanding } from '../reference/designated-locations';

/** The case as the facts need it; `submittedAt` picks the list of designated locations that applies. */
export interface FactsOf { id: number; enterpriseId: number; form?: string; programmeCode?: string; submittedAt?: string | null; callId?: number | null }

/** 政策 一.(一): designated places qualify; central and western places off the list as the programme
 *  declares (refusal or lower priority); without a programme (the catalogue) they are not refused. */
export function eligibleStanding(standing: LocationStanding, outside: OutsideDesignated | undefined): boolean {
  return standing === 'designated' || (standing === 'undesignated' && outside !== 'refuse');
}

/** The facts a workflow's guards need, looked up before the pure transition. */
export function caseFacts(deps: Deps, c: FactsOf, now = deps.clock.now()): CaseFacts {
  const q = preparedQuery(deps.db, 'case-facts', (db) => ({
    ent: db.select().from(enterprises).where(eq(enterprises.id, sql.placeholder('ent'))).prepare(),
    kinds: db.selectDistinct({ kind: documents.kind }).from(documents)
      .where(and(eq(documents.caseId, sql.placeholder('case')), isNull(documents.replacedAt))).prepare(),
    conflicted: db.select({ id: expertConflicts.expertId }).from(expertConflicts)
      .where(eq(expertConflicts.enterpriseId, sql.placeholder('ent'))).prepare(),
    experts: db.select({ id: users.id }).from(users).where(and(eq(users.role, 'expert'), isNull(users.disabledAt))).prepare(),
    objections: db.select({ id: noticeObjections.id }).from(noticeObjections).where(eq(noticeObjections.caseId, sql.placeholder('case'))).orderBy(noticeObjections.id).prepare(),
  }));
  const ent = q.ent.get({ ent: c.enterpriseId });
  const kinds = q.kinds.all({ case: c.id });
  const conflicted = q.conflicted.all({ ent: c.enterpriseId });
  // The list as it stood when the application was submitted: a later change applies to later applications.
  const listAt = c.submittedAt ? new Date(c.submittedAt) : now;
  const w = c.programmeCode ? workflowFor(c.programmeCode) : undefined;
  const outside = w?.outsideDesignated;
  const standing = ent ? locationStanding(deps.db, ent, listAt) : 'ineligible';
  return {
    now: iso(now),
    documentKinds: kinds.map((k) => k.kind),
    enterprise: {
      id: c.enterpriseId,
      province: ent?.province ?? '',
      industry: ent?.industry ?? '',
      regionEligible: eligibleStanding(standing, outside),
      standing,
    },
    project: projectPlace(deps, c.form, listAt, outside),
    ...(w?.calls ? { call: callFacts(deps.db, c.callId ?? null, now) } : {}),
    conflictedExpertIds: conflicted.map((r) => r.id),
    noticeDays: deps.config.PUBLIC_NOTICE_DAYS,
    expertPool: q.experts.all().map((u) => u.id),
    objectionIds: q.objections.all({ case: c.id }).map((o) => o.id),
  };
}

/** The project's own location from the form (government forms ask for it), when it names one. */
function projectPlace(deps: Deps, form: string | undefined, at: Date, outside: OutsideDesignated | undefined): CaseFacts['project'] {
  if (!form) return undefined;
  const f = JSON.parse(form) as { province?: unknown; city?: unknown };
  if (typeof f.province !== 'string' || !f.province) return undefined;
  const city = typeof f.city === 'string' ? f.city : '';
  const standing = locationStanding(deps.db, { province: f.province, city }, at);
  return { province: f.province, city, regionEligible: eligibleStanding(standing, outside), standing };
}
