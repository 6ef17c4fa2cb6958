import { and, eq } from 'drizzle-orm';
import { writeTx } from '../../db/client';
import { designatedLocations } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { requireRole } from '../policy';
import { addLocationSchema, fieldRefusal, parseOrRefuse } from './designated-location-schemas';
import { beijingToday } from '../../../workflows/display-format';
import { normalisedPlace } from './designated-locations';

/**
 * The admin adds a key undertaking location the ministries designated. It applies to
 * applications submitted from now on (and from its designation date); the audit row is written
 * in the same transaction.
 */
export function addDesignatedLocation(deps: Deps, admin: CurrentUser, input: unknown) {
  requireRole(admin, 'admin');
  const v = parseOrRefuse(addLocationSchema, input);
  if (v.endsOn && v.endsOn <= v.designatedOn) throw fieldRefusal('endsOn', '终止日期须晚于认定日期', 'The end date must be after the designation date');
  const place = normalisedPlace(v.province, v.city);
  const now = deps.clock.now();
  const at = iso(now);
  return writeTx(deps.db, (tx) => {
    // One entry per place that has not ended: a second would make ending it ambiguous.
    const open = tx.select().from(designatedLocations)
      .where(and(eq(designatedLocations.province, place.province), eq(designatedLocations.city, place.city))).all()
      .find((r) => !r.endsOn || r.endsOn > beijingToday(now));
    if (open) throw fieldRefusal('city', `${place.province} ${place.city}已在名单内（认定日期 ${open.designatedOn}）`, `${place.province} ${place.city} is already on the list (designated ${open.designatedOn})`);
    const row = tx.insert(designatedLocations).values({
      ...place, designatedOn: v.designatedOn, endsOn: v.endsOn ?? null, createdAt: at, createdBy: admin.id,
      endRecordedAt: v.endsOn ? at : null, endedBy: v.endsOn ? admin.id : null,
    }).returning().get();
    appendAudit(tx, { at, kind: 'admin', actorId: admin.id, actorName: admin.email, actorRole: admin.role, type: 'designated-location.added',
      data: { id: row.id, province: row.province, city: row.city, designatedOn: row.designatedOn, endsOn: row.endsOn } });
    return row;
  });
}
