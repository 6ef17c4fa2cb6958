// The inputs of one event form, drawn from the event's JSON Schema. Inputs start empty: a value
// shows only when the person typed it (after a refusal); figures the workflow established are
// shown beside the field as labelled hints, never as its value. Lists of rows (a repayment
// schedule) are rows of inputs with "add a row"; choices show names, never codes.
import type { FC } from 'hono/jsx';
import { countryName, countryOptions } from '../../workflows/countries';
import { CHOICE_LABELS } from '../../workflows/form-fields';
import { isDateField, labelOf as labelIn, relabelled, type JsonSchema } from '../../workflows/schema-form';
import type { FieldChoice, FieldHint } from '../../workflows/types';
import type { Locale } from '../i18n';
import { yuan } from '../workbench/text';

export type Prop = JsonSchema;
export interface ExpertOption { id: number; name: string; conflicted: boolean }

const FIELD_PREFIX = 'd.';
export const fieldId = (type: string, name: string) => `ev-${type.replace(/[^a-z0-9]+/gi, '-')}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const labelOf = (p: Prop, name: string, locale: Locale) => labelIn(p, name.split('.').pop()!)[locale];
const asText = (v: unknown): string => (v === undefined || v === null || typeof v === 'object' ? '' : String(v));

/** A choice value by its name: a country, a category, a currency. */
function choiceLabel(value: string, locale: Locale): string {
  return countryName(value)?.[locale] ?? CHOICE_LABELS[value]?.[locale] ?? value;
}

const hintText = (h: FieldHint, locale: Locale) =>
  `${h.label[locale]}${locale === 'zh' ? '：' : ': '}${h.unit === 'yuan' && typeof h.value === 'number' ? yuan(h.value) : typeof h.value === 'number' ? h.value.toLocaleString('en-US') : h.value}`;

export interface FieldProps {
  type: string; name: string; prop: Prop; value: unknown; required: boolean; locale: Locale;
  experts: ExpertOption[]; hints: FieldHint[]; choices?: FieldChoice[]; error?: string; errors: Record<string, string>; rows?: number;
}

/** One field: label, hints, control and the error in place, linked for screen readers. */
export const EventField: FC<FieldProps> = (p) => {
  const { type, name, prop, value, required, locale, hints, choices, error } = p;
  const id = fieldId(type, name);
  const fieldName = FIELD_PREFIX + name;
  const label = labelOf(prop, name, locale);
  const star = required ? <span aria-hidden="true"> *</span> : null;
  const described = [hints.length ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const hintList = hints.length ? <p class="hint workflow-figure" id={`${id}-hint`}>{hints.map((h, i) => <>{i ? <br /> : null}<span data-hint={name}>{hintText(h, locale)}</span></>)}</p> : null;
  const err = error ? <p class="field-error" id={`${id}-err`}>{error}</p> : null;
  if (prop.type === 'array' && prop.items?.type === 'object' && prop.items.properties) return <RowsField {...p} />;
  if (prop.type === 'array' && (prop.items?.type === 'integer' || prop.items?.type === 'number') && name === 'expertIds') {
    const chosen = new Set(Array.isArray(value) ? value.map(Number) : []);
    return (
      <fieldset class="field" aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
        <legend>{label}{star}</legend>
        {hintList}
        {p.experts.map((e) => (
          <label class="check">
            <input type="checkbox" name={`${fieldName}[]`} value={String(e.id)} checked={chosen.has(e.id)} disabled={e.conflicted} />
            {' '}{e.name}{e.conflicted ? (locale === 'zh' ? '（利益冲突，须回避）' : ' (conflict of interest: recused)') : ''}
          </label>
        ))}
        {err}
      </fieldset>
    );
  }
  const common = { id, name: fieldName, required, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined };
  const v = asText(value);
  const placeholder = <option value="">{locale === 'zh' ? '请选择' : 'Choose…'}</option>;
  let control;
  if (choices) {
    control = <select {...common}>{placeholder}{choices.map((c) => <option value={String(c.value)} selected={String(c.value) === v}>{c.label[locale]}</option>)}</select>;
  } else if (prop.enum) {
    const options = /country$/i.test(name) ? countryOptions(locale) : prop.enum.map((o) => ({ value: String(o), label: choiceLabel(String(o), locale) }));
    control = <select {...common}>{placeholder}{options.map((o) => <option value={o.value} selected={o.value === v}>{o.label}</option>)}</select>;
  } else if (prop.type === 'integer' || prop.type === 'number') {
    const min = prop.minimum ?? (prop.exclusiveMinimum !== undefined && prop.type === 'integer' ? prop.exclusiveMinimum + 1 : undefined);
    control = <input {...common} type="number" inputmode="decimal" value={v} min={min} max={prop.maximum !== undefined && prop.maximum < 1e15 ? prop.maximum : undefined} step={prop.type === 'integer' ? '1' : 'any'} />;
  } else if (prop.type === 'boolean') {
    control = <input {...common} type="checkbox" checked={value === true} />;
  } else if (isDateField(prop)) {
    control = <input {...common} type="date" value={v} />;
  } else if (prop.type === 'string' && (prop.maxLength ?? 0) <= 100) {
    control = <input {...common} type="text" value={v} maxlength={prop.maxLength} />;
  } else {
    control = <textarea {...common} rows={3} maxlength={prop.maxLength}>{v}</textarea>;
  }
  return (
    <div class="field">
      <label for={id}>{label}{star}</label>
      {hintList}
      {control}
      {err}
    </div>
  );
};

/** A list of rows (a repayment schedule): one line of inputs per row, an empty one to type into,
 *  and "add a row", which posts the form back to be drawn with one more (no script needed). */
const RowsField: FC<FieldProps> = (p) => {
  const { type, name, prop, value, required, locale, hints, errors } = p;
  const item = prop.items!;
  const rows = Array.isArray(value) ? value as Record<string, unknown>[] : [];
  const max = prop.maxItems ?? 50;
  const extra = p.rows ?? 0;
  const count = Math.min(Math.max(rows.length + 1, 3) + extra, max);
  const id = fieldId(type, name);
  const own = errors[name];
  return (
    <fieldset class="field rows" id={`${id}-set`} aria-describedby={[hints.length ? `${id}-hint` : '', own ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{labelOf(prop, name, locale)}{required ? <span aria-hidden="true"> *</span> : null}</legend>
      {hints.length ? <p class="hint workflow-figure" id={`${id}-hint`}>{hints.map((h) => <span data-hint={name}>{hintText(h, locale)} </span>)}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <div class="row-group" data-row={i}>
          {Object.entries(item.properties!).map(([k, sub]) => (
            <EventField type={type} name={`${name}.${i}.${k}`} prop={relabelled(sub, { zh: `第 ${i + 1} 行${labelOf(sub, k, 'zh')}`, en: `Row ${i + 1} ${labelOf(sub, k, 'en').toLowerCase()}` })}
              value={rows[i]?.[k]} required={false} locale={locale} experts={[]} hints={[]} error={errors[`${name}.${i}.${k}`]} errors={errors} />
          ))}
        </div>
      ))}
      {count < max ? <p><button type="submit" class="secondary" name="_more" value={`${name}:${extra + 1}`} formnovalidate>{locale === 'zh' ? '添加一行' : 'Add a row'}</button></p> : null}
      {own ? <p class="field-error" id={`${id}-err`}>{own}</p> : null}
    </fieldset>
  );
};
