// Acceptance and performance (验收 / 绩效评价, 政策 五 and 六): what the application promised
// (jobs, trainees, investment) against what the officer verified at acceptance, in words and
// grouped numbers for the case page, the acceptance letter and the case file.
import { groupDigits } from './display-format';
import type { Bilingual } from './types';

export interface PerformanceRow { key: 'jobs' | 'trainees' | 'investment'; label: Bilingual; unit: Bilingual; promised: number; verified: number }

type Verified = { jobsConfirmed: number; traineesVerified?: number | null; investmentVerified?: number | null };
type Ctx = { form: Record<string, unknown>; acceptance: Verified | null };

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One row per measure the application promised and the acceptance verified. */
export function performanceRows(c: Ctx): PerformanceRow[] {
  const a = c.acceptance;
  if (!a) return [];
  const rows: PerformanceRow[] = [];
  const add = (key: PerformanceRow['key'], label: Bilingual, unit: Bilingual, promised: unknown, verified: unknown) => {
    const p = count(promised);
    const v = count(verified);
    if (p !== null && v !== null) rows.push({ key, label, unit, promised: p, verified: v });
  };
  add('jobs', { zh: '新增就业', en: 'New jobs' }, { zh: '个', en: 'jobs' }, c.form.jobsPromised, a.jobsConfirmed);
  add('trainees', { zh: '培训人数', en: 'Trainees' }, { zh: '人', en: 'people' }, c.form.traineesPlanned, a.traineesVerified);
  add('investment', { zh: '项目投资', en: 'Investment' }, { zh: '元', en: 'yuan' }, c.form.totalInvestment, a.investmentVerified);
  return rows;
}

/** '93.3%' of the promise; nothing promised and something done counts as fully met. */
function share(r: PerformanceRow): string {
  if (r.promised === 0) return '100%';
  const pct = Math.round((r.verified / r.promised) * 1000) / 10;
  return `${pct}%`;
}

/** '承诺 300 个，核实 280 个，完成 93.3%' for one measure, with the same in English after a slash. */
export function performanceLine(r: PerformanceRow): string {
  const en = r.unit.en === 'yuan' ? (n: number) => `CNY ${groupDigits(n)}` : (n: number) => `${groupDigits(n)} ${r.unit.en}`;
  return `承诺 ${groupDigits(r.promised)} ${r.unit.zh}，核实 ${groupDigits(r.verified)} ${r.unit.zh}，完成 ${share(r)}`
    + ` / promised ${en(r.promised)}, verified ${en(r.verified)}, ${share(r)} met`;
}

/** The whole comparison, one measure a line, for a letter's reasons. */
export function performanceText(c: Ctx): string {
  const rows = performanceRows(c);
  if (rows.length === 0) return '';
  return ['验收核实与申请承诺对比 / Verified at acceptance against the application:',
    ...rows.map((r) => `${r.label.zh} ${r.label.en}：${performanceLine(r)}`)].join('\n');
}
