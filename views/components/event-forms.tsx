// One form per allowed event, drawn from the event's JSON Schema. The forms start empty: staff
// take the decisions, the page never suggests them (figures of the case are shown as labelled
// hints beside the fields). After a refusal or a conflict the form holds what the person typed,
// with each message at its field. Views never decide policy: the domain hands over the allowed
// events, with their hints, choices and whether they can be undone.
import type { FC } from 'hono/jsx';
import type { Bilingual, FieldChoice, FieldHint } from '../../workflows/types';
import type { Locale } from '../i18n';
import { yuan } from '../workbench/text';
import { EventField, fieldId, type ExpertOption, type Prop } from './event-fields';


interface FormEvent {
  type: string; label: string; labelEn: string; schema: Record<string, unknown>;
  hints?: Record<string, FieldHint[]>; choices?: Record<string, FieldChoice[]>; irreversible?: boolean;
}
/** What the user sent last time, to put back into the form of that event, with the messages by field. */
export interface EventDraft { type: string; values: Record<string, unknown>; errors?: Record<string, string>; more?: Record<string, number> }

/** An irreversible step the server checked and now asks the person to confirm. */
export interface PendingConfirmation {
  type: string; label: Bilingual; reference: string; amount: number | null; requested: number | null;
  /** The posted fields, sent again with the confirmation. */
  fields: [string, string][];
  /** Where the confirmation posts, when not the page's own event route. */
  action?: string;
}

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
      // A text that may be left empty (conditions: none) is not required of the browser.
      const required = new Set(((ev.schema.required ?? []) as string[]).filter((n) => !(props[n]?.type === 'string' && (props[n]?.minLength ?? 0) === 0)));
      const mine = draft?.type === ev.type ? draft : null;
      const values = mine?.values ?? {};
      const errors = mine?.errors ?? {};
      const title = locale === 'zh' ? ev.label : ev.labelEn;
      const action = `/workbench/cases/${caseId}/events`;
      return (
        <form method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML" class="card event-form" data-event={ev.type}
          data-irreversible={ev.irreversible ? 'true' : undefined}>
          <h3>{title} <span class="en">{locale === 'zh' ? ev.labelEn : ev.label}</span></h3>
          {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
          <input type="hidden" name="type" value={ev.type} />
          {/* The version this form was drawn from: the engine refuses it if the case moved on. */}
          <input type="hidden" name="version" value={String(version)} />
          {Object.entries(props).map(([name, prop]) => (
            <EventField type={ev.type} name={name} prop={prop} value={values[name]} required={required.has(name)} locale={locale} experts={experts}
              hints={ev.hints?.[name] ?? []} choices={ev.choices?.[name]} error={errors[name]} errors={errors} rows={mine?.more?.[name]} />
          ))}
          <div class="field">
            <label for={fieldId(ev.type, 'comment')}>{locale === 'zh' ? '备注（记入案件历史，可选）' : 'Comment for the case history (optional)'}</label>
            <input id={fieldId(ev.type, 'comment')} name="comment" type="text" maxlength={2000} value={mine ? String(values.comment ?? '') : ''} />
          </div>
          {ev.irreversible ? <p class="hint">{locale === 'zh' ? '此操作不可撤销，提交后将请您确认。' : 'This step cannot be undone: you will be asked to confirm it.'}</p> : null}
          <p><button type="submit" class={ev.irreversible || /return/.test(ev.type) ? 'danger' : undefined}>{title}</button></p>
        </form>
      );
    })}
  </>
);

/** The sentence naming the case, the step and the amount, in the reader's language. */
function confirmationText(p: PendingConfirmation, locale: Locale): string {
  if (locale === 'zh') {
    const amount = p.amount !== null ? `，金额 ${yuan(p.amount)}` : p.requested !== null ? `（申请金额 ${yuan(p.requested)}）` : '';
    return `请确认：对案件 ${p.reference} 执行“${p.label.zh}”${amount}。此操作不可撤销。`;
  }
  const amount = p.amount !== null ? `, amount ${yuan(p.amount)}` : p.requested !== null ? ` (amount requested ${yuan(p.requested)})` : '';
  return `Please confirm: ${p.label.en} on case ${p.reference}${amount}. This cannot be undone.`;
}

/**
 * The confirmation of an irreversible step: the same fields posted again with `_confirm`, so it
 * works without script; the server checks everything again when it arrives.
 */
export const ConfirmBox: FC<{ pending: PendingConfirmation; action: string; cancel: string; locale: Locale; csrfToken: string | null; target?: string }> = ({ pending, action, cancel, locale, csrfToken, target }) => (
  <section class="alert confirm" role="alert" id="confirm" data-confirm={pending.type} aria-labelledby="confirm-text">
    <p id="confirm-text"><strong>{confirmationText(pending, locale)}</strong></p>
    <form method="post" action={action} hx-post={target ? action : undefined} hx-target={target} hx-swap={target ? 'outerHTML' : undefined} class="inline">
      {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      {pending.fields.map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <input type="hidden" name="_confirm" value="1" />
      <button type="submit" class="danger" id="confirm-yes">{locale === 'zh' ? `确认${pending.label.zh}` : `Confirm: ${pending.label.en}`}</button>
      {' '}<a class="button secondary" href={cancel} id="confirm-no">{locale === 'zh' ? '取消' : 'Cancel'}</a>
    </form>
  </section>
);
