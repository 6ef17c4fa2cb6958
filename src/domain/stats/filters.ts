// The filters of the statistics pages, read from the URL so that a view can be linked and exported.
import { z } from 'zod';
import { beijingDayStart } from '../../../workflows/display-format';
import { PROGRAMME_CODES, INDUSTRIES } from '../../../workflows/index';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

export const statsFilterSchema = z.object({
  from: optional(month),   // first month included (YYYY-MM), by month of submission
  to: optional(month),     // last month included
  programme: optional(z.enum(PROGRAMME_CODES as [string, ...string[]])),
  industry: optional(z.enum(INDUSTRIES.map((i) => i.code) as [string, ...string[]])),
  level: optional(z.enum(['province', 'city'])),
});

export type StatsFilter = z.infer<typeof statsFilterSchema>;

/** Unknown or malformed values are dropped rather than refused: a filter is a view, not a command. */
export function parseStatsFilter(query: Record<string, string | undefined>): StatsFilter {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(statsFilterSchema.shape)) {
    const r = s.safeParse(query[k]);
    if (r.success && r.data !== undefined) out[k] = r.data;
  }
  return out as StatsFilter;
}

/** The half-open ISO range [start, end) of submission instants that the period covers: months are Beijing months. */
export function periodBounds(f: StatsFilter): { start: string; end: string } {
  const start = f.from ? beijingDayStart(`${f.from}-01`) : '0000';
  if (!f.to) return { start, end: '9999' };
  const [y, m] = f.to.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start, end: beijingDayStart(`${next}-01`) };
}

/** The filter as a query string (for links and the CSV export of the same view). */
export function filterQuery(f: StatsFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
