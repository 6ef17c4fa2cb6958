// One form per allowed event, drawn from the event's JSON Schema and prefilled with its example
// (or with what the user typed, after a refusal or a conflict). Views never decide policy: the
// domain hands over the allowed events; this only lays out their fields.
import type { FC } from 'hono/jsx';
import type { Locale } from '../i18n';

export interface FormEvent { type: string; label: string; labelEn: string; schema: Record<string, unknown>; example: Record<string, unknown> }
export interface ExpertOption { id: number; name: string; conflicted: boolean }
/** What the user sent last time, to put back into the form of that event. */
export interface EventDraft { type: string; values: Record<string, unknown> }

interface Prop { type?: string; description?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; maxLength?: number; minLength?: number; pattern?: string; enum?: unknown[]; items?: { type?: string } }

export const FIELD_PREFIX = 'd.';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const fieldId = (type: string, name: string) => `ev-${type.replace(/[^a-z0-9]+/gi, '-')}-${name}`;

/** The bilingual description "评分 / Score" shown in the reader's language first. */
function labelOf(p: Prop, name: string, locale: Locale): string {
  const d = p.description ?? name;
  const [zh, en] = d.split(' / ');
  return locale === 'en' && en ? `${en} / ${zh}` : d;
}

const asText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v, null, 1) : String(v));

const FieldInput: FC<{ type: string; name: string; prop: Prop; value: unknown; required: boolean; locale: Locale; experts: ExpertOption[] }> = ({ type, name, prop, value, required, locale, experts }) => {
  const id = fieldId(type, name);
  const fieldName = FIELD_PREFIX + name;
  const label = labelOf(prop, name, locale);
  const star = required ? <span aria-hidden="true"> *</span> : null;
  if (prop.type === 'array' && (prop.items?.type === 'integer' || prop.items?.type === 'number') && name === 'expertIds') {
    const chosen = new Set(Array.isArray(value) ? value.map(Number) : []);
    return (
      <fieldset class="field">
        <legend>{label}{star}</legend>
        {experts.map((e) => (
          <label class="check">
            <input type="checkbox" name={`${fieldName}[]`} value={String(e.id)} checked={chosen.has(e.id)} disabled={e.conflicted} />
            {' '}{e.name}{e.conflicted ? (locale === 'zh' ? '（利益冲突，须回避）' : ' (conflict of interest: recused)') : ''}
          </label>
        ))}
      </fieldset>
    );
  }
  const common = { id, name: fieldName, required, 'aria-describedby': undefined };
  let control;
  if (prop.type === 'integer' || prop.type === 'number') {
    const min = prop.minimum ?? (prop.exclusiveMinimum !== undefined ? (prop.type === 'integer' ? prop.exclusiveMinimum + 1 : undefined) : undefined);
    control = <input {...common} type="number" inputmode="decimal" value={asText(value)} min={min} max={prop.maximum !== undefined && prop.maximum < 1e15 ? prop.maximum : undefined} step={prop.type === 'integer' ? '1' : 'any'} />;
  } else if (prop.type === 'boolean') {
    control = <input {...common} type="checkbox" checked={value === true} />;
  } else if (prop.enum) {
    control = <select {...common}>{prop.enum.map((o) => <option value={String(o)} selected={o === value}>{String(o)}</option>)}</select>;
  } else if (prop.type === 'string' && prop.pattern === DATE_PATTERN) {
    control = <input {...common} type="date" value={asText(value)} />;
  } else if (prop.type === 'string' && (prop.maxLength ?? 0) <= 100) {
    control = <input {...common} type="text" value={asText(value)} maxlength={prop.maxLength} />;
  } else {
    // Long texts, and structured data (a repayment schedule) as JSON the schema then checks.
    const json = prop.type === 'array' || prop.type === 'object';
    control = <textarea {...common} rows={json ? 6 : 3} maxlength={prop.maxLength}>{asText(value)}</textarea>;
  }
  return (
    <div class="field">
      <label for={id}>{label}{star}</label>
      {control}
    </div>
  );
};

export interface EventFormsProps {
  events: FormEvent[];
  caseId: number;
  version: number;
  locale: Locale;
  csrfToken: string | null;
  experts?: ExpertOption[];
  draft?: EventDraft | null;
  /** The element the answer replaces (the case panel). */
  target: string;
}

export const EventForms: FC<EventFormsProps> = ({ events, caseId, version, locale, csrfToken, experts = [], draft, target }) => (
  <>
    {events.map((ev) => {
      const props = ((ev.schema.properties ?? {}) as Record<string, Prop>);
      const required = new Set((ev.schema.required ?? []) as string[]);
      const values = draft?.type === ev.type ? draft.values : ev.example;
      const title = locale === 'zh' ? ev.label : ev.labelEn;
      const action = `/workbench/cases/${caseId}/events`;
      return (
        <form method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML" class="card event-form" data-event={ev.type}>
          <h3>{title} <span class="en">{locale === 'zh' ? ev.labelEn : ev.label}</span></h3>
          {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
          <input type="hidden" name="type" value={ev.type} />
          {/* The version this form was drawn from: the engine refuses it if the case moved on. */}
          <input type="hidden" name="version" value={String(version)} />
          {Object.entries(props).map(([name, prop]) => (
            <FieldInput type={ev.type} name={name} prop={prop} value={values[name]} required={required.has(name)} locale={locale} experts={experts} />
          ))}
          <div class="field">
            <label for={fieldId(ev.type, 'comment')}>{locale === 'zh' ? '备注（记入案件历史，可选）' : 'Comment for the case history (optional)'}</label>
            <input id={fieldId(ev.type, 'comment')} name="comment" type="text" maxlength={2000} value={draft?.type === ev.type ? asText(draft.values.comment) : ''} />
          </div>
          <p><button type="submit" class={/reject|refuse|decline|fail|return|default/.test(ev.type) ? 'danger' : undefined}>{title}</button></p>
        </form>
      );
    })}
  </>
);
