// The evaluation index of the designated undertaking locations (政策 七.三 建立和完善评价体系). It
// scores what a location achieved, never how busy the agencies were: an approval rate would
// reward lax screening and paid insurance claims are losses, so neither counts. Each indicator
// is normalised across the locations compared (min-max) in its direction, then weighted; the
// score is out of 100.
import { FIGURE_CATALOGUE, FIGURE_KEYS, type FigureDef } from '../../../workflows/figures';
import type { Bilingual } from '../../../workflows/types';
import { FIGURES, type FigureCode } from './figures';
import type { LocationFigures } from './location-figures';

export type IndicatorCode =
  | 'enterprisesMovedIn' | 'investment' | 'jobsVerified' | 'supportPerJob' | 'environmentalRefusals' | 'timeToDecision' | 'clawbacks';

export type Direction = 'higher' | 'lower';
export type IndicatorUnit = 'count' | 'amount' | 'people' | 'percent' | 'days';

export interface Indicator {
  code: IndicatorCode;
  label: Bilingual;
  /** How the value is computed, in words (shown on the page). */
  formula: Bilingual;
  direction: Direction;
  unit: IndicatorUnit;
  defaultWeight: number;
  /** The location's value, in `unit`; null when it has none (e.g. nothing decided yet). */
  raw(l: LocationFigures): number | null;
}

/** Every figure the catalogue marks as employment (政策 五): jobs confirmed, trainees verified… of all programmes. */
const EMPLOYMENT = FIGURE_KEYS.filter((k) => (FIGURE_CATALOGUE[k] as FigureDef).employment);
const label = (code: FigureCode): Bilingual => FIGURES.find((x) => x.code === code)!.label;
const words = (codes: FigureCode[], join: string): Bilingual =>
  ({ zh: codes.map((c) => label(c).zh).join(join), en: codes.map((c) => label(c).en.toLowerCase()).join(join) });
const value = (l: LocationFigures, ...codes: FigureCode[]) => codes.reduce((s, c) => s + l.figures[c].value, 0);
const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
const jobs = words(EMPLOYMENT, ' + ');

export const INDICATORS: Indicator[] = [
  { code: 'enterprisesMovedIn', label: { zh: '迁入企业', en: 'Enterprises moved in' }, direction: 'higher', unit: 'count', defaultWeight: 20,
    formula: { zh: '本期申请获支持（资金批准、贷款或融资承诺、保单签发）的加工贸易企业数，每家企业只计一次',
      en: 'processing-trade enterprises whose application was supported in the period (grant approved, loan or financing committed, policy issued), each counted once' },
    raw: (l) => value(l, 'enterprisesSupported') },
  { code: 'investment', label: { zh: '项目投资', en: 'Investment' }, direction: 'higher', unit: 'amount', defaultWeight: 15,
    formula: { zh: '获支持项目申报的项目总投资之和（元）', en: 'total investment declared by the supported projects, in yuan' },
    raw: (l) => value(l, 'investment') },
  { code: 'jobsVerified', label: { zh: '核实就业与培训', en: 'Jobs and trainees verified' }, direction: 'higher', unit: 'people', defaultWeight: 25,
    formula: { zh: `所有项目的 ${jobs.zh}`, en: `${jobs.en}, all programmes` },
    raw: (l) => value(l, ...EMPLOYMENT) },
  { code: 'supportPerJob', label: { zh: '每个核实岗位的资金支持', en: 'Support delivered per verified job' }, direction: 'lower', unit: 'amount', defaultWeight: 10,
    formula: { zh: `${label('disbursed').zh} ÷ (${jobs.zh})；没有核实人数时无数值`, en: `${label('disbursed').en.toLowerCase()} ÷ (${jobs.en}); no value while nobody is verified` },
    raw: (l) => { const n = value(l, ...EMPLOYMENT); return n > 0 ? value(l, 'disbursed') / n : null; } },
  { code: 'environmentalRefusals', label: { zh: '环保原因不予支持', en: 'Environmental refusals' }, direction: 'lower', unit: 'percent', defaultWeight: 10,
    formula: { zh: '以政策 一.(二)（两高一资产品或无环评批复）为由不予支持的申请 ÷ 已决定的申请 × 100%；由系统规则拒绝，不取决于审查宽严',
      en: 'applications refused under policy 一.(二) (两高一资 products or no EIA approval) ÷ applications decided × 100%; these refusals follow rules the system enforces, not the screening’s strictness' },
    raw: (l) => share(value(l, 'refusedEnvironment'), value(l, 'decided')) },
  { code: 'timeToDecision', label: { zh: '决定时效', en: 'Time to decision' }, direction: 'lower', unit: 'days', defaultWeight: 10,
    formula: { zh: '从提交到第一份申请决定的天数中位数', en: 'median days from submission to the first decision on the application' },
    raw: (l) => l.medianDays },
  { code: 'clawbacks', label: { zh: '追回资金', en: 'Clawbacks' }, direction: 'lower', unit: 'percent', defaultWeight: 10,
    formula: { zh: `${label('clawbackDemanded').zh} ÷ ${label('disbursed').zh} × 100%；未拨付时无数值`, en: `${label('clawbackDemanded').en.toLowerCase()} ÷ ${label('disbursed').en.toLowerCase()} × 100%; no value while nothing is disbursed` },
    raw: (l) => share(value(l, 'clawbackDemanded'), value(l, 'disbursed')) },
];

/** The figures the indicators read: the designated locations' aggregates compute only these. */
export const INDEX_FIGURES: FigureCode[] = ['enterprisesSupported', 'investment', ...EMPLOYMENT, 'disbursed', 'refusedEnvironment', 'decided', 'clawbackDemanded'];

export const DIRECTION_LABEL: Record<Direction, Bilingual> = {
  higher: { zh: '越多越好', en: 'higher is better' },
  lower: { zh: '越少越好', en: 'lower is better' },
};

export type Weights = Record<IndicatorCode, number>;
export const DEFAULT_WEIGHTS = Object.fromEntries(INDICATORS.map((i) => [i.code, i.defaultWeight])) as Weights;

export interface IndexRow {
  key: string;
  score: number;                                   // 0–100, two decimals
  rank: number;                                    // 1 = best; equal scores share a rank
  raw: Record<IndicatorCode, number | null>;       // in each indicator's unit
  normalised: Record<IndicatorCode, number>;       // 0–1
}

/** All locations equal: nobody is behind (1), unless nobody achieved anything where more is better (0). */
const equalNorm = (i: Indicator, x: number) => (i.direction === 'higher' && x === 0 ? 0 : 1);

/**
 * norm(x) = (x − min) / (max − min) where higher is better, (max − x) / (max − min) where lower
 * is better; when all locations are equal, 1 (nobody is behind), but 0 where more is better and
 * all are at 0; 0 when the location has no value. score = 100 × Σ wᵢ·normᵢ / Σ wᵢ.
 */
export function evaluationIndex(locations: LocationFigures[], weights: Weights): IndexRow[] {
  const raws = new Map(locations.map((l) => [l.key, Object.fromEntries(INDICATORS.map((i) => [i.code, i.raw(l)])) as Record<IndicatorCode, number | null>]));
  const norms = new Map<string, Record<string, number>>(locations.map((l) => [l.key, {}]));
  for (const ind of INDICATORS) {
    const values = locations.map((l) => raws.get(l.key)![ind.code]).filter((v): v is number => v !== null);
    const min = Math.min(...values);
    const max = Math.max(...values);
    for (const l of locations) {
      const x = raws.get(l.key)![ind.code];
      norms.get(l.key)![ind.code] = x === null ? 0 : max === min ? equalNorm(ind, x) : ind.direction === 'lower' ? (max - x) / (max - min) : (x - min) / (max - min);
    }
  }
  const total = INDICATORS.reduce((s, i) => s + weights[i.code], 0);
  const rows = locations.map((l) => {
    const n = norms.get(l.key)! as Record<IndicatorCode, number>;
    const sum = INDICATORS.reduce((s, i) => s + weights[i.code] * n[i.code], 0);
    return { key: l.key, score: total > 0 ? Math.round((100 * sum) / total * 100) / 100 : 0, rank: 0, raw: raws.get(l.key)!, normalised: n };
  });
  rows.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key, 'zh'));
  rows.forEach((r, i) => { r.rank = i > 0 && r.score === rows[i - 1]!.score ? rows[i - 1]!.rank : i + 1; });
  return rows;
}
