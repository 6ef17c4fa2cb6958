// Figures per location (province, or province and city) in one pass of SQL aggregates.
import type { Db } from '../../db/client';
import { rowsCte, withCaseRows } from './case-rows';
import { FIGURES, perEnterpriseAggregates, perLocationAggregates, type FigureCode } from './figures';
import { periodBounds, type StatsFilter } from './filters';

export interface Cell { value: number; n: number; lo: number | null; hi: number | null }

export interface LocationFigures {
  key: string;                       // province, or 'province|city'
  province: string;
  city: string | null;               // null at province level, '' when the city is not known
  enterprises: Cell;                 // registered by the end of the period (any programme)
  figures: Record<FigureCode, Cell>;
  approvalRate: number | null;       // supported / decided
  medianDays: number | null;         // submission → first application decision
}

const cell = (r: Record<string, number | null>, code: string): Cell =>
  ({ value: Number(r[code] ?? 0), n: Number(r[`${code}_n`] ?? 0), lo: r[`${code}_lo`] ?? null, hi: r[`${code}_hi`] ?? null });

/** The median uses window functions, so it stays in SQL and never loads the cases. */
export function locationFigures(db: Db, f: StatsFilter): LocationFigures[] {
  return withCaseRows(db, f, () => figuresBy(db, f, f.level ?? 'province'));
}

/** The same figures over all locations together: the totals row, with its own enterprise count. */
export function nationalFigures(db: Db, f: StatsFilter): LocationFigures {
  const zero = { value: 0, n: 0, lo: null, hi: null };
  const row = withCaseRows(db, f, () => figuresBy(db, f, 'national'))[0];
  return row ?? { key: '', province: '', city: null, enterprises: zero, approvalRate: null, medianDays: null,
    figures: Object.fromEntries(FIGURES.map((x) => [x.code, zero])) as Record<FigureCode, Cell> };
}

function figuresBy(db: Db, f: StatsFilter, level: 'province' | 'city' | 'national'): LocationFigures[] {
  const group = level === 'national' ? `'' AS province, NULL AS city` : 'province, city';
  const part = level === 'national' ? '1' : 'province, city';
  // Nationally an enterprise counts once, even if its cases were filed from two provinces.
  const entGroup = level === 'national' ? 'eid' : 'province, city, eid';
  const sql = `WITH ${rowsCte(level === 'city' ? 'city' : 'province')},
  per_ent AS (SELECT ${entGroup}, ${perEnterpriseAggregates()} FROM rows GROUP BY ${entGroup}),
  agg AS (SELECT ${group}, ${perLocationAggregates()} FROM per_ent ${level === 'national' ? '' : 'GROUP BY province, city'}),
  ranked AS (SELECT ${group}, days,
             ROW_NUMBER() OVER (PARTITION BY ${part} ORDER BY days) AS rn,
             COUNT(*) OVER (PARTITION BY ${part}) AS cnt FROM rows WHERE days IS NOT NULL),
  med AS (SELECT province, city, AVG(days) AS median_days FROM ranked
          WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY province, city)
  SELECT agg.*, med.median_days FROM agg LEFT JOIN med ON med.province = agg.province AND med.city IS agg.city`;
  const rows = (db.$client.prepare(sql).all() as Record<string, number | null>[])
    .filter((r) => level !== 'national' || r.applications_n !== null);
  const ents = registeredEnterprises(db, f, level);
  const byKey = new Map<string, LocationFigures>();
  for (const r of rows) {
    const province = String(r.province);
    const city = level === 'city' ? String(r.city ?? '') : null;
    const key = city === null ? province : `${province}|${city}`;
    const figures = Object.fromEntries(FIGURES.map((x) => [x.code, cell(r, x.code)])) as Record<FigureCode, Cell>;
    const decided = figures.decided.value;
    byKey.set(key, {
      key, province, city, enterprises: ents.get(key) ?? { value: 0, n: 0, lo: null, hi: null }, figures,
      approvalRate: decided ? figures.supported.value / decided : null,
      medianDays: r.median_days === null || r.median_days === undefined ? null : Math.round(Number(r.median_days) * 10) / 10,
    });
  }
  // Locations with registered enterprises but no application in the period still count (七.三).
  for (const [key, e] of ents) {
    if (byKey.has(key)) continue;
    const [province, city] = key.split('|') as [string, string | undefined];
    const zero = Object.fromEntries(FIGURES.map((x) => [x.code, { value: 0, n: 0, lo: null, hi: null }])) as Record<FigureCode, Cell>;
    byKey.set(key, { key, province, city: level === 'city' ? city ?? '' : null, enterprises: e, figures: zero, approvalRate: null, medianDays: null });
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

/** Enterprises registered up to the end of the period, in the industry filter (programmes do not apply). */
function registeredEnterprises(db: Db, f: StatsFilter, level: 'province' | 'city' | 'national'): Map<string, Cell> {
  const city = level === 'city' ? `COALESCE(city, '')` : 'NULL';
  const province = level === 'national' ? `''` : 'province';
  const rows = db.$client.prepare(`SELECT ${province} AS province, ${city} AS city, COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM enterprises
    WHERE created_at < :end AND (:industry IS NULL OR industry = :industry) GROUP BY 1, 2`)
    .all({ end: periodBounds(f).end, industry: f.industry ?? null }) as { province: string; city: string | null; n: number; lo: number; hi: number }[];
  return new Map(rows.map((r) => [level === 'city' ? `${r.province}|${r.city ?? ''}` : r.province, { value: r.n, n: r.n, lo: r.lo, hi: r.hi }]));
}
