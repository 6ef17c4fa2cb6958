// Figures per location (province, province and city, or designated location) in one pass of SQL aggregates.
import type { Db } from '../../db/client';
import { rowsCte, withCaseRows } from './case-rows';
import { designatedLocationOf, designatedLocations } from './designated-locations';
import { FIGURES, perEnterpriseAggregates, perLocationAggregates, type Figure, type FigureCode } from './figures';
import { periodBounds, type StatsFilter } from './filters';

/** A figure: its value and the enterprises behind it whose part is not public (n; the lowest and highest id). */
export interface Cell { value: number; n: number; lo: number | null; hi: number | null }

export interface LocationFigures {
  key: string;                       // province, or 'province|city'
  province: string;
  city: string | null;               // null at province level (or a location designated as a whole province), '' when the city is not known
  enterprises: Cell;                 // registered by the end of the period (any programme)
  figures: Record<FigureCode, Cell>;
  approvalRate: number | null;       // supported / decided
  medianDays: number | null;         // submission → first application decision
}

type Level = 'province' | 'city' | 'designated' | 'national';
const ZERO: Cell = { value: 0, n: 0, lo: null, hi: null };
const zeroFigures = () => Object.fromEntries(FIGURES.map((x) => [x.code, ZERO])) as Record<FigureCode, Cell>;
const keyOf = (province: string, city: string | null) => (city === null ? province : `${province}|${city}`);

const cell = (r: Record<string, number | null>, code: string): Cell =>
  ({ value: Number(r[code] ?? 0), n: Number(r[`${code}_n`] ?? 0), lo: r[`${code}_lo`] ?? null, hi: r[`${code}_hi`] ?? null });

/** The median uses window functions, so it stays in SQL and never loads the cases. */
export function locationFigures(db: Db, f: StatsFilter): LocationFigures[] {
  return withCaseRows(db, f, () => figuresBy(db, f, f.level ?? 'province'));
}

/**
 * Every designated location (政策 一.(一)), with or without cases: the rows the evaluation index
 * compares. `only`: the figures wanted (the index's), the others left at zero, because each
 * figure is one more aggregate over every case.
 */
export function designatedFigures(db: Db, f: StatsFilter, year?: number, only?: FigureCode[]): LocationFigures[] {
  const figures = only ? FIGURES.filter((x) => only.includes(x.code)) : FIGURES;
  return withCaseRows(db, f, () => {
    const list = designatedLocations(db, year);
    const place = (province: string, city: string) => designatedLocationOf(list, province, city || null);
    const places = db.$client.prepare('SELECT DISTINCT province, city FROM temp.stats_rows').all() as { province: string; city: string }[];
    db.$client.exec('DROP TABLE IF EXISTS temp.stats_places');
    db.$client.exec('CREATE TEMP TABLE stats_places (province TEXT, city TEXT, loc_province TEXT, loc_city TEXT)');
    const put = db.$client.prepare('INSERT INTO temp.stats_places VALUES (?, ?, ?, ?)');
    for (const p of places) { const l = place(p.province, p.city); if (l) put.run(p.province, p.city, l.province, l.city); }
    try {
      const found = new Map(figuresBy(db, f, 'designated', place, figures).map((l) => [l.key, l]));
      return list.map((l) => found.get(l.key) ?? { key: l.key, province: l.province, city: l.city, enterprises: ZERO, figures: zeroFigures(), approvalRate: null, medianDays: null });
    } finally {
      db.$client.exec('DROP TABLE IF EXISTS temp.stats_places');
    }
  });
}

/** The same figures over all locations together: the totals row, with its own enterprise count. */
export function nationalFigures(db: Db, f: StatsFilter): LocationFigures {
  const row = withCaseRows(db, f, () => figuresBy(db, f, 'national'))[0];
  return row ?? { key: '', province: '', city: null, enterprises: ZERO, approvalRate: null, medianDays: null, figures: zeroFigures() };
}

type Place = (province: string, city: string) => { province: string; city: string | null } | undefined;

function figuresBy(db: Db, f: StatsFilter, level: Level, place?: Place, wanted: Figure[] = FIGURES): LocationFigures[] {
  const group = level === 'national' ? `'' AS province, NULL AS city` : 'province, city';
  const part = level === 'national' ? '1' : 'province, city';
  // Nationally an enterprise counts once, even if its cases were filed from two provinces.
  const entGroup = level === 'national' ? 'eid' : 'province, city, eid';
  const sql = `WITH ${rowsCte(level === 'national' ? 'province' : level)},
  per_ent AS (SELECT ${entGroup}, ${perEnterpriseAggregates(wanted)} FROM rows GROUP BY ${entGroup}),
  agg AS (SELECT ${group}, ${perLocationAggregates(wanted)} FROM per_ent ${level === 'national' ? '' : 'GROUP BY province, city'}),
  ranked AS (SELECT ${group}, days,
             ROW_NUMBER() OVER (PARTITION BY ${part} ORDER BY days) AS rn,
             COUNT(*) OVER (PARTITION BY ${part}) AS cnt FROM rows WHERE days IS NOT NULL),
  med AS (SELECT province, city, AVG(days) AS median_days FROM ranked
          WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY province, city)
  SELECT agg.*, med.median_days FROM agg LEFT JOIN med ON med.province = agg.province AND med.city IS agg.city`;
  const rows = (db.$client.prepare(sql).all() as Record<string, number | null>[])
    .filter((r) => level !== 'national' || r.applications_n !== null);
  const ents = registeredEnterprises(db, f, level, place);
  const byKey = new Map<string, LocationFigures>();
  for (const r of rows) {
    const province = String(r.province);
    const city = level === 'city' ? String(r.city ?? '') : level === 'designated' && r.city !== null ? String(r.city) : null;
    const key = keyOf(province, city);
    const figures = { ...zeroFigures(), ...Object.fromEntries(wanted.map((x) => [x.code, cell(r, x.code)])) } as Record<FigureCode, Cell>;
    const decided = figures.decided.value;
    byKey.set(key, {
      key, province, city, enterprises: ents.get(key)?.cell ?? ZERO, figures,
      approvalRate: decided ? figures.supported.value / decided : null,
      medianDays: r.median_days === null || r.median_days === undefined ? null : Math.round(Number(r.median_days) * 10) / 10,
    });
  }
  // Locations with registered enterprises but no application in the period still count (七.三).
  for (const [key, e] of ents) {
    if (!byKey.has(key)) byKey.set(key, { key, province: e.province, city: e.city, enterprises: e.cell, figures: zeroFigures(), approvalRate: null, medianDays: null });
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

interface Registered { province: string; city: string | null; cell: Cell }

/** Enterprises registered up to the end of the period, in the industry filter (programmes do not apply). */
function registeredEnterprises(db: Db, f: StatsFilter, level: Level, place?: Place): Map<string, Registered> {
  const city = level === 'city' || level === 'designated' ? `COALESCE(city, '')` : 'NULL';
  const province = level === 'national' ? `''` : 'province';
  const rows = db.$client.prepare(`SELECT ${province} AS province, ${city} AS city, COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM enterprises
    WHERE created_at < :end AND (:industry IS NULL OR industry = :industry) GROUP BY 1, 2`)
    .all({ end: periodBounds(f).end, industry: f.industry ?? null }) as { province: string; city: string | null; n: number; lo: number; hi: number }[];
  const out = new Map<string, Registered>();
  for (const r of rows) {
    const at = level === 'designated' ? place!(r.province, r.city ?? '') : { province: r.province, city: level === 'city' ? r.city ?? '' : null };
    if (!at) continue;
    const key = keyOf(at.province, at.city);
    const before = out.get(key)?.cell;
    // Places of one designated location hold different enterprises: counts add up.
    const c: Cell = before
      ? { value: before.value + r.n, n: before.n + r.n, lo: Math.min(before.lo!, r.lo), hi: Math.max(before.hi!, r.hi) }
      : { value: r.n, n: r.n, lo: r.lo, hi: r.hi };
    out.set(key, { province: at.province, city: at.city, cell: c });
  }
  return out;
}
