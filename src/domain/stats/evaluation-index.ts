// The evaluation index of undertaking locations (政策 七.三 建立和完善评价体系): each indicator is
// normalised across the locations compared (min-max), then weighted; the score is out of 100.
import { FIGURE_CATALOGUE, FIGURE_KEYS, type FigureDef } from '../../../workflows/figures';
import type { Bilingual } from '../../../workflows/types';
import type { LocationFigures } from './location-figures';

export type IndicatorCode =
  | 'enterprises' | 'applications' | 'supportGranted' | 'fundsDelivered' | 'jobsConfirmed' | 'approvalRate' | 'speed';

export interface Indicator {
  code: IndicatorCode;
  label: Bilingual;
  formula: Bilingual;
  defaultWeight: number;
  /** Lower is better (days to a decision). */
  lowerIsBetter?: boolean;
  raw(l: LocationFigures): number | null;
}

const EMPLOYMENT = FIGURE_KEYS.filter((k) => (FIGURE_CATALOGUE[k] as FigureDef).employment);

const fig = (l: LocationFigures, ...codes: (keyof LocationFigures['figures'])[]) => codes.reduce((s, c) => s + l.figures[c].value, 0);

export const INDICATORS: Indicator[] = [
  { code: 'enterprises', label: { zh: '注册企业', en: 'Enterprises registered' }, formula: { zh: '注册企业数', en: 'enterprises registered' },
    defaultWeight: 10, raw: (l) => l.enterprises.value },
  { code: 'applications', label: { zh: '申请', en: 'Applications' }, formula: { zh: '申请数', en: 'applications submitted' },
    defaultWeight: 10, raw: (l) => fig(l, 'applications') },
  { code: 'supportGranted', label: { zh: '获得支持', en: 'Support granted' }, formula: { zh: '批准 + 承诺 + 承保金额', en: 'approved + committed + insured' },
    defaultWeight: 20, raw: (l) => fig(l, 'granted') },
  { code: 'fundsDelivered', label: { zh: '资金到位', en: 'Funds delivered' }, formula: { zh: '拨付 + 提款 + 赔付金额', en: 'disbursed + drawn + claims paid' },
    defaultWeight: 20, raw: (l) => fig(l, 'disbursed', 'drawn', 'claimsPaid') },
  // Every figure the catalogue marks as employment (政策 五): jobs confirmed, people trained...
  { code: 'jobsConfirmed', label: { zh: '就业（政策 五）', en: 'Jobs (policy 五)' },
    formula: { zh: EMPLOYMENT.map((k) => FIGURE_CATALOGUE[k].label.zh).join(' + '), en: EMPLOYMENT.map((k) => FIGURE_CATALOGUE[k].label.en.toLowerCase()).join(' + ') },
    defaultWeight: 20, raw: (l) => fig(l, ...EMPLOYMENT) },
  { code: 'approvalRate', label: { zh: '支持率', en: 'Approval rate' }, formula: { zh: '获支持 ÷ 已决定', en: 'supported ÷ decided' },
    defaultWeight: 10, raw: (l) => l.approvalRate },
  { code: 'speed', label: { zh: '办理时效', en: 'Speed' }, formula: { zh: '提交至决定天数中位数（越少越好）', en: 'median days to decision (fewer is better)' },
    defaultWeight: 10, lowerIsBetter: true, raw: (l) => l.medianDays },
];

export type Weights = Record<IndicatorCode, number>;
export const DEFAULT_WEIGHTS = Object.fromEntries(INDICATORS.map((i) => [i.code, i.defaultWeight])) as Weights;

export interface IndexRow {
  key: string;
  score: number;                                   // 0–100, two decimals
  rank: number;                                    // 1 = best; equal scores share a rank
  normalised: Record<IndicatorCode, number>;       // 0–1
}

/**
 * norm(x) = (x − min) / (max − min), or (max − x) / (max − min) when lower is better; 1 for every
 * location when all are equal (nobody is behind); 0 when the location has no value (e.g. no
 * decision yet). score = 100 × Σ wᵢ·normᵢ / Σ wᵢ.
 */
export function evaluationIndex(locations: LocationFigures[], weights: Weights): IndexRow[] {
  const norms = new Map<string, Record<string, number>>(locations.map((l) => [l.key, {}]));
  for (const ind of INDICATORS) {
    const values = locations.map((l) => ind.raw(l)).filter((v): v is number => v !== null);
    const min = Math.min(...values);
    const max = Math.max(...values);
    for (const l of locations) {
      const x = ind.raw(l);
      norms.get(l.key)![ind.code] = x === null ? 0 : max === min ? 1 : ind.lowerIsBetter ? (max - x) / (max - min) : (x - min) / (max - min);
    }
  }
  const total = INDICATORS.reduce((s, i) => s + weights[i.code], 0);
  const rows = locations.map((l) => {
    const n = norms.get(l.key)! as Record<IndicatorCode, number>;
    const sum = INDICATORS.reduce((s, i) => s + weights[i.code] * n[i.code], 0);
    return { key: l.key, score: total > 0 ? Math.round((100 * sum) / total * 100) / 100 : 0, rank: 0, normalised: n };
  });
  rows.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key, 'zh'));
  rows.forEach((r, i) => { r.rank = i > 0 && r.score === rows[i - 1]!.score ? rows[i - 1]!.rank : i + 1; });
  return rows;
}
