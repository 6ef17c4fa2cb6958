// The designated undertaking locations (重点承接地, 政策 一.(一)) that the evaluation index
// compares: a city or district on the admin's list (a whole province, should one be listed without
// a city). Every case and enterprise counts for the most specific designated location its place
// lies in; places outside any count for none.
import type { Db } from '../../db/client';
import { beijingToday } from '../../../workflows/display-format';
import { listDesignatedLocations } from '../reference/designated-locations';
import { normaliseCity, normaliseProvince } from '../reference/place-names';

export interface DesignatedLocation {
  /** 'province' or 'province|city', names normalised (宿迁 = 宿迁市): the key targets are kept under. */
  key: string;
  province: string;
  city: string | null;
}

const locationKey = (province: string, city: string | null) => (city ? `${province}|${city}` : province);

function location(province: string, city: string | null = null): DesignatedLocation {
  const p = normaliseProvince(province);
  const c = city ? normaliseCity(city) : null;
  return { key: locationKey(p, c), province: p, city: c };
}

/**
 * The locations the index compares in `year` (any day of it), or now when no year is given: the
 * places on the admin's dated list of key undertaking locations (designated_locations) in force
 * then, each once. A place off the list, even in a central or western province, is no designated
 * location: its cases count in the statistics, not in the index.
 */
export function designatedLocations(db: Db, year?: number, now = new Date()): DesignatedLocation[] {
  const first = year ? `${year}-01-01` : beijingToday(now);
  const last = year ? `${year}-12-31` : first;
  const seen = new Map<string, DesignatedLocation>();
  for (const r of listDesignatedLocations(db)) {
    if (r.designatedOn > last || (r.endsOn && r.endsOn <= first)) continue;
    const l = location(r.province, r.city);
    seen.set(l.key, l);
  }
  return [...seen.values()];
}

/** A place's designated location: its city's when the city is designated, else its province's. */
export function designatedLocationOf(list: DesignatedLocation[], province: string, city: string | null): DesignatedLocation | undefined {
  const p = normaliseProvince(province);
  const c = city ? normaliseCity(city) : null;
  return list.find((l) => l.province === p && c !== null && l.city === c) ?? list.find((l) => l.province === p && l.city === null);
}
