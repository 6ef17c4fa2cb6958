// Targets of the designated locations (政策 七.三): an administrator sets, per location and
// calendar year, a target for any indicator of the index; the statistics page shows the year's
// value beside it. Each change is written in the same transaction as its audit row.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeTx, type Db } from '../../db/client';
import { evaluationTargets } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { validationError } from '../errors';
import { requireRole } from '../policy';
import { designatedLocations } from './designated-locations';
import { INDICATORS, type Indicator, type IndicatorCode } from './evaluation-index';
import { rule } from '../../../workflows/messages';

export type Targets = Partial<Record<IndicatorCode, number>>;

/** The targets of a year, by location key. */
export function loadTargets(db: Db, year: number): Map<string, Targets> {
  const out = new Map<string, Targets>();
  for (const r of db.select().from(evaluationTargets).where(eq(evaluationTargets.year, year)).all()) {
    if (!INDICATORS.some((i) => i.code === r.indicator)) continue; // an indicator since retired
    out.set(r.location, { ...out.get(r.location), [r.indicator]: r.target });
  }
  return out;
}

export const TARGET_YEARS = { min: 2011, max: 2100 } as const; // 473号 dates from 2011

const blank = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v);
// Fields are named by label; refusals come from the message catalogue (workflows/messages.ts).
const target = (i: Indicator) => z.preprocess(blank, z.coerce.number()
  .refine(Number.isFinite, rule('须为数字', 'Must be a number'))
  .min(0)
  .refine((n) => i.unit !== 'percent' || n <= 100, rule('百分比不得超过 100', 'A percentage cannot exceed 100'))
  .optional()).describe(`${i.label.zh}的目标 / Target for ${i.label.en.toLowerCase()}`);

export function targetsSchema(db: Db) {
  return z.object({
    location: z.string().min(1).describe('承接地 / Location'),
    year: z.coerce.number().int().min(TARGET_YEARS.min).max(TARGET_YEARS.max).describe('年份 / Year'),
    ...Object.fromEntries(INDICATORS.map((i) => [i.code, target(i)])),
  }).superRefine((v, ctx) => {
    // A location is judged against the list as it stood in the target's year.
    if (!designatedLocations(db, v.year).some((l) => l.key === v.location)) {
      ctx.addIssue({ code: 'custom', path: ['location'], ...rule('该年不是指定的承接地', 'Not a designated location in that year') });
    }
  });
}

/** Replaces the targets of one location and year; an indicator left blank has no target. */
export function setTargets(deps: Deps, user: CurrentUser | null, input: unknown): { location: string; year: number; targets: Targets } {
  const admin = requireRole(user, 'admin');
  const schema = targetsSchema(deps.db);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(schema, parsed.error.issues, input);
  const { location, year } = parsed.data;
  const after: Targets = {};
  for (const i of INDICATORS) {
    const v = (parsed.data as Record<string, unknown>)[i.code];
    if (typeof v === 'number') after[i.code] = v;
  }
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    // Read inside the write lock, so that the audit row's "before" is what this change replaced.
    const before = loadTargets(tx, year).get(location) ?? {};
    const where = and(eq(evaluationTargets.location, location), eq(evaluationTargets.year, year));
    tx.delete(evaluationTargets).where(where).run();
    for (const [indicator, value] of Object.entries(after)) {
      tx.insert(evaluationTargets).values({ location, year, indicator, target: value, updatedAt: at, updatedBy: admin.id }).run();
    }
    appendAudit(tx, {
      at, kind: 'admin', actorId: admin.id, actorName: admin.name, actorRole: admin.role,
      type: 'stats.targets-changed', data: { location, year, before, after },
    });
    return { location, year, targets: after };
  });
}

export interface Progress {
  location: string;
  indicator: IndicatorCode;
  target: number;
  actual: number | null;
  /** actual ÷ target where higher is better, target ÷ actual where lower is better (1 = met exactly). */
  ratio: number | null;
  met: boolean;
}

/** Progress of each target: met when the value reaches it (or stays at or below it where lower is better). */
export function targetProgress(targets: Map<string, Targets>, actual: (location: string, i: Indicator) => number | null): Progress[] {
  const out: Progress[] = [];
  for (const [location, t] of targets) {
    for (const i of INDICATORS) {
      const goal = t[i.code];
      if (goal === undefined) continue;
      const x = actual(location, i);
      const met = x !== null && (i.direction === 'higher' ? x >= goal : x <= goal);
      // A target of 0 where higher is better, or a value of 0 where lower is better, is met outright.
      const ratio = x === null ? null : i.direction === 'higher' ? (goal > 0 ? x / goal : 1) : x > 0 ? goal / x : 1;
      out.push({ location, indicator: i.code, target: goal, actual: x, ratio, met });
    }
  }
  return out;
}
