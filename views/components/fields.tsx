import type { FC, PropsWithChildren } from 'hono/jsx';

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

/** Label, hint and error around one control, linked for screen readers (aria-describedby). */
function frame(name: string, hint: string | undefined, errors: FieldErrors | undefined) {
  const id = `f-${name}`;
  const err = errors?.[name];
  const described = [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return { id, err, control: { id, name, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': described } };
}

const FieldFrame: FC<PropsWithChildren<{ id: string; label: string; hint?: string; err?: string; required?: boolean }>> = ({ id, label, hint, err, required, children }) => (
  <div class="field">
    <label for={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
    {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
    {children}
    {err ? <p class="field-error" id={`${id}-err`}>{err}</p> : null}
  </div>
);

/** A labelled input with its hint and error in place. */
export const Field: FC<FieldProps> = ({ name, label, value, type = 'text', hint, errors, required, autocomplete, attrs }) => {
  const { id, err, control } = frame(name, hint, errors);
  return (
    <FieldFrame id={id} label={label} hint={hint} err={err} required={required}>
      <input {...control} type={type} value={value ?? ''} required={required} autocomplete={autocomplete} {...(attrs ?? {})} />
    </FieldFrame>
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
  const { id, err, control } = frame(name, hint, errors);
  return (
    <FieldFrame id={id} label={label} hint={hint} err={err} required={required}>
      <select {...control} required={required}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </FieldFrame>
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
