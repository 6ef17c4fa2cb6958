import { and, eq, isNull } from 'drizzle-orm';
import { writeTx } from '../../db/client';
import { designatedLocations } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { endLocationSchema, fieldRefusal, parseOrRefuse } from './designated-location-schemas';

/**
 * The admin ends a designation from a date. Applications submitted before the end was recorded
 * keep the list they were judged by; the audit row is written in the same transaction.
 */
export function endDesignatedLocation(deps: Deps, admin: CurrentUser, id: number, input: unknown) {
  requireRole(admin, 'admin');
  const v = parseOrRefuse(endLocationSchema, input);
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    const row = tx.select().from(designatedLocations).where(eq(designatedLocations.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', '没有这个承接地 / No such location.');
    if (row.endsOn) throw fieldRefusal('endsOn', `该承接地已于 ${row.endsOn} 终止`, `This location already ends on ${row.endsOn}`);
    if (v.endsOn <= row.designatedOn) throw fieldRefusal('endsOn', `终止日期须晚于认定日期（${row.designatedOn}）`, `The end date must be after the designation date (${row.designatedOn})`);
    // The WHERE on ends_on: two admins ending it at once, only one end is recorded.
    const ended = tx.update(designatedLocations).set({ endsOn: v.endsOn, endRecordedAt: at, endedBy: admin.id })
      .where(and(eq(designatedLocations.id, id), isNull(designatedLocations.endsOn))).returning().get();
    if (!ended) throw new AppError('CONFLICT', '该承接地已被他人终止 / Someone else ended this location.');
    appendAudit(tx, { at, kind: 'admin', actorId: admin.id, actorName: admin.email, actorRole: admin.role, type: 'designated-location.ended',
      data: { id, province: row.province, city: row.city, endsOn: v.endsOn } });
    return ended;
  });
}
