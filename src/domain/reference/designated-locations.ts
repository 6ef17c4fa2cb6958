// 重点承接地: where a project stands against the list of designated locations as it stood at a
// given moment (the submission of the application), read from the dated, admin-kept table.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { designatedLocations } from '../../db/schema/index';
import { beijingToday } from '../../../workflows/display-format';
import type { LocationStanding } from '../../../workflows/types';
import { normaliseCity, normaliseProvince } from './place-names';
import { findProvince } from './provinces';

export type DesignatedLocation = typeof designatedLocations.$inferSelect;

/** True when the row was part of the list at instant `at`: recorded by then, its designation date
 *  come, and not ended by an end recorded by then whose date has come. */
export function inForceAt(row: Pick<DesignatedLocation, 'designatedOn' | 'endsOn' | 'createdAt' | 'endRecordedAt'>, at: Date): boolean {
  const instant = at.toISOString();
  const day = beijingToday(at);
  if (row.createdAt > instant || row.designatedOn > day) return false;
  return !(row.endsOn && row.endRecordedAt && row.endRecordedAt <= instant && row.endsOn <= day);
}

const byProvince = (db: Db) => preparedQuery(db, 'designated-by-province', (d) => d.select().from(designatedLocations)
  .where(eq(designatedLocations.province, sql.placeholder('province'))).prepare());

/**
 * 政策 一.(一) and 六.(一): `designated` when the place was on the list at `at`; `undesignated` for
 * a central or western place that was not (the programme decides: refusal or lower priority);
 * `ineligible` for an eastern or north-eastern place that was not, or an unknown province.
 */
export function locationStanding(db: Db, place: { province: string; city?: string | null }, at: Date): LocationStanding {
  const p = findProvince(place.province);
  if (!p) return 'ineligible';
  const city = normaliseCity(place.city);
  const designated = !!city && byProvince(db).all({ province: p.name }).some((r) => r.city === city && inForceAt(r, at));
  if (designated) return 'designated';
  return p.region === 'central' || p.region === 'western' ? 'undesignated' : 'ineligible';
}

/** The whole list, every row ever recorded, by province and city. */
export function listDesignatedLocations(db: Db): DesignatedLocation[] {
  return db.select().from(designatedLocations).orderBy(asc(designatedLocations.province), asc(designatedLocations.city), asc(designatedLocations.id)).all();
}

/** The place as the table stores it: 四川省 → 四川, 宿迁 → 宿迁市. */
export function normalisedPlace(province: string, city: string): { province: string; city: string } {
  return { province: normaliseProvince(province), city: normaliseCity(city) };
}
