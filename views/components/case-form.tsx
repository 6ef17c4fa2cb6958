// The application form of a programme, generated from the JSON Schema of its zod formSchema,
// so the page asks exactly what the API validates. Field names are dotted paths
// (`contact.email`, `products.0.hsCode`); formFromFields turns a posted form back into JSON.
import type { FC } from 'hono/jsx';
import { INDUSTRIES, PROVINCES } from '../../workflows/policy-lists';
import { CHOICE_LABELS } from '../../workflows/form-fields';
import { countryName, countryOptions } from '../../workflows/countries';
import type { Locale } from '../i18n';
import { dataFromFields, isDateField, labelOf, relabelled, type JsonSchema } from '../../workflows/schema-form';

export type { JsonSchema } from '../../workflows/schema-form';

const fieldLabel = (schema: JsonSchema, key: string, locale: Locale): string => labelOf(schema, key)[locale];

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const errorIdOf = (name: string) => `${idOf(name)}-err`;

function optionLabel(field: string, value: string, locale: Locale): string {
  if (field.endsWith('province')) {
    const p = PROVINCES.find((x) => x.name === value);
    return p ? (locale === 'zh' ? p.name : `${p.en} ${p.name}`) : value;
  }
  if (field.endsWith('industry')) {
    const i = INDUSTRIES.find((x) => x.code === value);
    return i ? `${i.label[locale]}${i.forbidden ? (locale === 'zh' ? '（两高一资）' : ' (两高一资, not supported)') : ''}` : value;
  }
  return countryName(value)?.[locale] ?? CHOICE_LABELS[value]?.[locale] ?? value;
}

/** The choices of a list field in the reader's words; countries sorted by their names. */
function optionsOf(field: string, values: (string | number)[], locale: Locale): { value: string; label: string }[] {
  if (/country$/i.test(field)) return countryOptions(locale);
  return values.map((o) => ({ value: String(o), label: optionLabel(field, String(o), locale) }));
}

const FieldError: FC<{ name: string; message?: string; oob?: boolean }> = ({ name, message, oob }) => (
  <p class="field-error" id={errorIdOf(name)} hx-swap-oob={oob ? 'true' : undefined}>{message ?? ''}</p>
);

interface LeafProps { name: string; schema: JsonSchema; value: unknown; required: boolean; errors: Record<string, string>; locale: Locale }

const Leaf: FC<LeafProps> = ({ name, schema, value, required, errors, locale }) => {
  const id = idOf(name);
  const key = name.split('.').pop()!;
  const label = fieldLabel(schema, key, locale);
  const err = errors[name];
  const hint = schema.description && schema.description !== label ? schema.description : undefined;
  const describedBy = `${hint ? `${id}-hint ` : ''}${errorIdOf(name)}`;
  const common = { id, name, required, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': describedBy };
  const v = value === undefined || value === null ? '' : String(value);
  let control;
  if (schema.enum) {
    control = (
      <select {...common}>
        <option value="">{locale === 'zh' ? '请选择' : 'Choose…'}</option>
        {optionsOf(name, schema.enum, locale).map((o) => <option value={o.value} selected={o.value === v}>{o.label}</option>)}
      </select>
    );
  } else if (schema.type === 'integer' || schema.type === 'number') {
    control = <input {...common} type="number" inputmode={schema.type === 'integer' ? 'numeric' : 'decimal'} step={schema.type === 'integer' ? '1' : 'any'}
      min={schema.minimum} max={schema.maximum} value={v} />;
  } else if ((schema.maxLength ?? 0) > 200) {
    control = <textarea {...common} rows={4} maxlength={schema.maxLength}>{v}</textarea>;
  } else {
    const type = schema.format === 'email' ? 'email' : isDateField(schema) ? 'date' : 'text';
    control = <input {...common} type={type} maxlength={schema.maxLength} value={v} />;
  }
  return (
    <div class="field">
      <label for={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {control}
      <FieldError name={name} message={err} />
    </div>
  );
};

/** `more`: empty rows to add to a list beyond the one always offered, by the list's field name. */
interface NodeProps { name: string; schema: JsonSchema; value: unknown; required: boolean; errors: Record<string, string>; locale: Locale; more?: Record<string, number> }

/** One property: a leaf input, a fieldset for an object, or numbered rows for a list. */
const Node: FC<NodeProps> = ({ name, schema, value, required, errors, locale, more }) => {
  const key = name.split('.').pop()!;
  if (schema.type === 'object' && schema.properties) {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    return (
      <fieldset id={`${idOf(name)}-set`}>
        <legend>{fieldLabel(schema, key, locale)}{required ? <span aria-hidden="true"> *</span> : null}</legend>
        {Object.entries(schema.properties).map(([k, s]) => (
          <Node name={`${name}.${k}`} schema={s} value={obj[k]} required={(schema.required ?? []).includes(k)} errors={errors} locale={locale} more={more} />
        ))}
        <FieldError name={name} message={errors[name]} />
      </fieldset>
    );
  }
  if (schema.type === 'array' && schema.items) {
    const rows = Array.isArray(value) ? value : [];
    // One empty row more than saved, so a new line can always be typed; "add a row" saves and
    // comes back with more (no script needed).
    const extra = more?.[name] ?? 0;
    const max = schema.maxItems ?? 50;
    const count = Math.min(rows.length + 1 + extra, max);
    return (
      <fieldset id={`${idOf(name)}-set`}>
        <legend>{fieldLabel(schema, key, locale)}{required ? <span aria-hidden="true"> *</span> : null}</legend>
        {Array.from({ length: count }, (_, i) => (
          <div class="row-group">
            <Node name={`${name}.${i}`} schema={relabelled(schema.items!, { zh: `第${i + 1}项`, en: `No. ${i + 1}` })}
              value={rows[i]} required={false} errors={errors} locale={locale} />
          </div>
        ))}
        {count < max ? (
          <button type="submit" class="secondary" name="_more" value={`${name}:${extra + 1}`}>
            {locale === 'zh' ? '添加一行' : 'Add a row'}
          </button>
        ) : null}
        <FieldError name={name} message={errors[name]} />
      </fieldset>
    );
  }
  return <Leaf name={name} schema={schema} value={value} required={required} errors={errors} locale={locale} />;
};

/** A submitted form as the reader sees it: labelled rows, choices by name, lists and groups nested. */
export const FormSummary: FC<{ schema: JsonSchema; form: Record<string, unknown>; locale: Locale; prefix?: string }> = ({ schema, form, locale, prefix = '' }) => (
  <dl class="facts">
    {Object.entries(schema.properties ?? {}).filter(([k]) => form[k] !== undefined && form[k] !== null && form[k] !== '').map(([k, s]) => {
      const v = form[k];
      const name = `${prefix}${k}`;
      let value;
      if (s.type === 'object' && s.properties && typeof v === 'object') value = <FormSummary schema={s} form={v as Record<string, unknown>} locale={locale} prefix={`${name}.`} />;
      else if (s.type === 'array' && Array.isArray(v)) {
        value = (
          <ol>{v.map((item) => <li>{s.items?.type === 'object' && typeof item === 'object' && item
            ? <FormSummary schema={s.items} form={item as Record<string, unknown>} locale={locale} prefix={`${name}.`} />
            : String(item)}</li>)}</ol>
        );
      } else value = s.enum ? optionLabel(name, String(v), locale) : String(v);
      return <><dt>{fieldLabel(s, k, locale)}</dt><dd>{value}</dd></>;
    })}
  </dl>
);

export const CaseFormFields: FC<{ schema: JsonSchema; form: Record<string, unknown>; errors: Record<string, string>; locale: Locale; more?: Record<string, number> }> = ({ schema, form, errors, locale, more }) => (
  <>
    {Object.entries(schema.properties ?? {}).map(([k, s]) => (
      <Node name={k} schema={s} value={form[k]} required={(schema.required ?? []).includes(k)} errors={errors} locale={locale} more={more} />
    ))}
  </>
);

/** Every error slot of the form as out-of-band swaps: cleared where the field is fine now. */
export function errorSlots(schema: JsonSchema, form: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, s] of Object.entries(schema.properties ?? {})) {
    const name = prefix ? `${prefix}.${k}` : k;
    out.push(name);
    const v = (form as Record<string, unknown>)[k];
    if (s.type === 'object' && s.properties) out.push(...errorSlots(s, (v ?? {}) as Record<string, unknown>, name));
    if (s.type === 'array' && s.items) {
      const n = Math.min((Array.isArray(v) ? v.length : 0) + 1, s.maxItems ?? 50);
      for (let i = 0; i < n; i++) {
        if (s.items.type === 'object') out.push(...errorSlots(s.items, ((Array.isArray(v) ? v[i] : undefined) ?? {}) as Record<string, unknown>, `${name}.${i}`));
        else out.push(`${name}.${i}`);
      }
    }
  }
  return out;
}

export const FieldErrorsOob: FC<{ names: string[]; errors: Record<string, string> }> = ({ names, errors }) => (
  <>{names.map((n) => <FieldError name={n} message={errors[n]} oob />)}</>
);

/** The posted fields back into the form's JSON: numbers typed, empty fields and rows dropped. */
export function formFromFields(schema: JsonSchema, fields: Record<string, unknown>): Record<string, unknown> {
  return dataFromFields(schema, fields, { mode: 'draft' });
}
