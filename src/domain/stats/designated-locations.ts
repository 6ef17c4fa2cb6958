// The designated undertaking locations (重点承接地, 政策 一.(一)) that the evaluation index
// compares: a province designated as a whole, or a city in it. Every case and enterprise counts
// for the most specific designated location its place lies in; places outside any count for none.
import type { Db } from '../../db/client';
import { DESIGNATED_EASTERN_AREAS, PROVINCES } from '../reference/provinces';
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
 * The designated locations in force in `year` (undefined: now). The only place the statistics
 * learn which locations are designated: when the admin-maintained list becomes a table, this
 * function reads it and nothing else changes. Until then: the central and western provinces and
 * the designated eastern areas of the reference list.
 */
export function designatedLocations(_db: Db, _year?: number): DesignatedLocation[] {
  return [
    ...PROVINCES.filter((p) => p.region === 'central' || p.region === 'western').map((p) => location(p.name)),
    ...Object.entries(DESIGNATED_EASTERN_AREAS).flatMap(([p, cities]) => cities.map((c) => location(p, c))),
  ];
}

/** A place's designated location: its city's when the city is designated, else its province's. */
export function designatedLocationOf(list: DesignatedLocation[], province: string, city: string | null): DesignatedLocation | undefined {
  const p = normaliseProvince(province);
  const c = city ? normaliseCity(city) : null;
  return list.find((l) => l.province === p && c !== null && l.city === c) ?? list.find((l) => l.province === p && l.city === null);
}
