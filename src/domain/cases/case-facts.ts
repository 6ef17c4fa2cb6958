import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { documents, enterprises, expertConflicts, noticeObjections, users } from '../../db/schema/index';
import type { CaseFacts } from '../../../workflows/types';
import { iso, type Deps } from '../deps';
import { isRegionEligible } from '../reference/provinces';

/** The facts a workflow's guards need, looked up before the pure transition. */
export function caseFacts(deps: Deps, c: { id: number; enterpriseId: number; form?: string }, now = deps.clock.now()): CaseFacts {
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
  return {
    now: iso(now),
    documentKinds: kinds.map((k) => k.kind),
    enterprise: {
      id: c.enterpriseId,
      province: ent?.province ?? '',
      industry: ent?.industry ?? '',
      regionEligible: ent ? isRegionEligible(ent.province, ent.city) : false,
    },
    project: projectPlace(c.form),
    conflictedExpertIds: conflicted.map((r) => r.id),
    noticeDays: deps.config.PUBLIC_NOTICE_DAYS,
    expertPool: q.experts.all().map((u) => u.id),
    objectionIds: q.objections.all({ case: c.id }).map((o) => o.id),
  };
}

/** The project's own location from the form (government forms ask for it), when it names one. */
function projectPlace(form: string | undefined): CaseFacts['project'] {
  if (!form) return undefined;
  const f = JSON.parse(form) as { province?: unknown; city?: unknown };
  if (typeof f.province !== 'string' || !f.province) return undefined;
  const city = typeof f.city === 'string' ? f.city : '';
  return { province: f.province, city, regionEligible: isRegionEligible(f.province, city) };
}
