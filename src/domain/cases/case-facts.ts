import { and, eq, isNull } from 'drizzle-orm';
import { documents, enterprises, expertConflicts, users } from '../../db/schema/index';
import type { CaseFacts } from '../../../workflows/types';
import { iso, type Deps } from '../deps';
import { isRegionEligible } from '../reference/provinces';

/** The facts a workflow's guards need, looked up before the pure transition. */
export function caseFacts(deps: Deps, c: { id: number; enterpriseId: number }, now = deps.clock.now()): CaseFacts {
  const ent = deps.db.select().from(enterprises).where(eq(enterprises.id, c.enterpriseId)).get();
  const kinds = deps.db.selectDistinct({ kind: documents.kind }).from(documents)
    .where(and(eq(documents.caseId, c.id), isNull(documents.replacedAt))).all();
  const conflicted = deps.db.select({ id: expertConflicts.expertId }).from(expertConflicts)
    .where(eq(expertConflicts.enterpriseId, c.enterpriseId)).all();
  return {
    now: iso(now),
    documentKinds: kinds.map((k) => k.kind),
    enterprise: {
      id: c.enterpriseId,
      province: ent?.province ?? '',
      industry: ent?.industry ?? '',
      regionEligible: ent ? isRegionEligible(ent.province, ent.city) : false,
    },
    conflictedExpertIds: conflicted.map((r) => r.id),
    noticeDays: deps.config.PUBLIC_NOTICE_DAYS,
    expertPool: deps.db.select({ id: users.id }).from(users)
      .where(and(eq(users.role, 'expert'), isNull(users.disabledAt))).all().map((u) => u.id),
  };
}
