import type { FC } from 'hono/jsx';

export type FieldErrors = Record<string, string>;

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  type?: string;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  attrs?: Record<string, string>;
}

/** A labelled input with its hint and error in place, linked for screen readers. */
export const Field: FC<FieldProps> = ({ name, label, value, type = 'text', hint, errors, required, autocomplete, attrs }) => {
  const id = `f-${name}`;
  const err = errors?.[name];
  const described = [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <input id={id} name={name} type={type} value={value ?? ''} required={required} autocomplete={autocomplete}
        aria-invalid={err ? 'true' : undefined} aria-describedby={described} {...(attrs ?? {})} />
      {err ? <p class="field-error" id={`${id}-err`}>{err}</p> : null}
    </div>
  );
};

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
  placeholder?: string;
}

export const SelectField: FC<SelectProps> = ({ name, label, options, value, hint, errors, required, placeholder }) => {
  const id = `f-${name}`;
  const err = errors?.[name];
  const described = [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <select id={id} name={name} required={required} aria-invalid={err ? 'true' : undefined} aria-describedby={described}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
      {err ? <p class="field-error" id={`${id}-err`}>{err}</p> : null}
    </div>
  );
};

export const CsrfField: FC<{ token: string | null }> = ({ token }) =>
  token ? <input type="hidden" name="_csrf" value={token} /> : null;

export const FormError: FC<{ message?: string | null }> = ({ message }) =>
  message ? <div class="alert error" role="alert">{message}</div> : null;

/** A filter's select with an "any" first choice (queue and audit desk filter forms). */
export const FilterSelect: FC<{ name: string; label: string; options: { value: string; label: string }[]; value?: string; any: string }> = ({ name, label, options, value, any }) => (
  <div class="field">
    <label for={`f-${name}`}>{label}</label>
    <select id={`f-${name}`} name={name}>
      <option value="">{any}</option>
      {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
    </select>
  </div>
);
