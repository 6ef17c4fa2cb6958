// Targets per designated location and year (政策 七.三): progress against them for everyone who
// reads the statistics, and the form an administrator sets them with.
import type { FC } from 'hono/jsx';
import type { CsvTable } from '../../src/domain/stats/csv';
import { INDICATORS } from '../../src/domain/stats/evaluation-index';
import type { Targets } from '../../src/domain/stats/index-targets';
import { indicatorHeader } from '../../src/domain/stats/stats-tables';
import { CsrfField, Field, SelectField } from '../components/fields';
import { StatsTable } from './stats-table';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);
/** Messages of the verbs are written 'zh / en': the reader gets their half. */
const inLocale = (l: Locale, m: string) => m.split(' / ')[l === 'zh' ? 0 : 1] ?? m;

export interface TargetFormState {
  location?: string;
  year?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}

export interface TargetsSectionProps {
  locale: Locale;
  year: number;
  table: CsvTable;
  csvHref: string;
  locations: { key: string; name: string }[];
  /** The targets of the year, by location: what the form shows for the chosen location. */
  targets: Map<string, Targets>;
  canEdit: boolean;
  csrfToken: string | null;
  form: TargetFormState;
}

export const TargetsSection: FC<TargetsSectionProps> = ({ locale: l, year, table, csvHref, locations, targets, canEdit, csrfToken, form }) => {
  const errors = form.errors ? Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, inLocale(l, v)])) : undefined;
  const chosen = form.location ?? locations[0]?.key ?? '';
  const saved = targets.get(chosen) ?? {};
  const value = (code: string) => form.values?.[code] ?? (saved[code as keyof Targets] === undefined ? '' : String(saved[code as keyof Targets]));
  return (
    <section class="card" aria-labelledby="targets">
      <h2 id="targets">{T(l, `${year} 年各地区目标与完成情况`, `Targets of the locations for ${year} and progress`)}</h2>
      <form method="get" action="/stats#targets" class="inline">
        <label for="t-year">{T(l, '年份', 'Year')}</label>{' '}
        <input id="t-year" name="year" type="number" min="2011" max="2100" value={String(year)} />{' '}
        {canEdit ? <><label for="t-location">{T(l, '编辑地区', 'Location to edit')}</label>{' '}
          <select id="t-location" name="location">{locations.map((x) => <option value={x.key} selected={x.key === chosen}>{x.name}</option>)}</select>{' '}</> : null}
        <button type="submit">{T(l, '查看', 'Show')}</button>
      </form>
      <p class="hint">{T(l,
        '实际值为该自然年（北京时间）内提交的全部申请，不受上方筛选影响。“越少越好”的指标在不超过目标时达成，完成程度 = 目标 ÷ 实际；其余 = 实际 ÷ 目标。',
        'Values are those of applications submitted in that calendar year (Beijing time), whatever the filters above. A “lower is better” indicator is met at or below its target, progress = target ÷ value; otherwise progress = value ÷ target.')}</p>
      {table.rows.length
        ? <StatsTable table={table} caption={T(l, '目标完成情况', 'Progress against the targets')} csvHref={csvHref} csvLabel={T(l, '下载 CSV', 'Download CSV')} />
        : <p>{T(l, '该年尚未设定目标。', 'No targets are set for this year.')}</p>}
      {canEdit ? (
        <form method="post" action="/stats/targets" id="targets-form" aria-labelledby="targets-form-h">
          <h3 id="targets-form-h">{T(l, '设定目标（记入审计日志）', 'Set targets (recorded in the audit trail)')}</h3>
          {form.notice ? <div class="alert ok" role="status">{form.notice}</div> : null}
          {errors && Object.keys(errors).length ? <div class="alert error" role="alert">{T(l, '请更正标出的字段。', 'Please correct the fields marked below.')}</div> : null}
          <CsrfField token={csrfToken} />
          <div class="grid">
            <SelectField name="location" label={T(l, '指定承接地', 'Designated location')} value={chosen} required errors={errors}
              options={locations.map((x) => ({ value: x.key, label: x.name }))} />
            <Field name="year" label={T(l, '年份', 'Year')} type="number" value={form.year ?? String(year)} required errors={errors} attrs={{ min: '2011', max: '2100' }} />
          </div>
          <p class="hint">{T(l, '留空的指标不设目标；保存后替换该地区该年的全部目标。', 'Leave an indicator blank for no target; saving replaces every target of that location and year.')}</p>
          <div class="grid">
            {INDICATORS.map((i) => (
              <Field name={i.code} label={indicatorHeader(l, i)} type="number" value={value(i.code)} errors={errors}
                attrs={{ min: '0', step: 'any', ...(i.unit === 'percent' ? { max: '100' } : {}) }} />
            ))}
          </div>
          <p><button type="submit">{T(l, '保存目标', 'Save the targets')}</button></p>
        </form>
      ) : null}
    </section>
  );
};
