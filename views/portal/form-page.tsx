// The application form page. The form autosaves (htmx, 800 ms after typing stops) and the
// answer swaps each field's message into place out of band; without script, Save posts the
// same form and the server redirects back.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { CaseFormFields, FieldErrorsOob, type JsonSchema } from '../components/case-form';
import { beijingDateTime } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface FormPageProps {
  caseId: number; reference: string; programmeName: Bilingual; schema: JsonSchema; form: Record<string, unknown>;
  errors: Record<string, string>; csrfToken: string | null; locale: Locale; savedAt: string;
  more?: Record<string, number>;
}

const SaveStatus: FC<{ savedAt: string; errorCount: number; locale: Locale; oob?: boolean }> = ({ savedAt, errorCount, locale, oob }) => (
  <p id="save-status" role="status" class="muted" hx-swap-oob={oob ? 'true' : undefined}>
    {locale === 'zh' ? `草稿已保存 ${beijingDateTime(savedAt)}` : `Draft saved ${beijingDateTime(savedAt)}`}
    {errorCount ? (locale === 'zh' ? ` · ${errorCount} 项需更正` : ` · ${errorCount} field(s) to correct`) : ''}
  </p>
);

export const FormPage: FC<FormPageProps> = (p) => {
  const zh = p.locale === 'zh';
  const action = `/portal/cases/${p.caseId}/form`;
  return (
    <>
      <p><a href={`/portal/cases/${p.caseId}`}>{zh ? `← 返回案件 ${p.reference}` : `← Back to case ${p.reference}`}</a></p>
      <h1>{zh ? '申请表' : 'Application form'} · {p.programmeName[p.locale]}</h1>
      <p>{zh ? '填写时自动保存。带 * 的为必填项。' : 'Saved automatically as you type. Fields marked * are required.'}</p>
      <SaveStatus savedAt={p.savedAt} errorCount={Object.keys(p.errors).length} locale={p.locale} />
      <form method="post" action={action} hx-post={action} hx-trigger="input changed delay:800ms, change" hx-swap="none" class="case-form" novalidate>
        {p.csrfToken ? <input type="hidden" name="_csrf" value={p.csrfToken} /> : null}
        <CaseFormFields schema={p.schema} form={p.form} errors={p.errors} locale={p.locale} more={p.more} />
        <p><button type="submit" name="_return" value="1">{zh ? '保存并返回案件' : 'Save and go back to the case'}</button></p>
      </form>
    </>
  );
};

/** The autosave answer: status line and every field's message, all out of band. */
export const AutosaveResult: FC<{ names: string[]; errors: Record<string, string>; savedAt: string; locale: Locale }> = ({ names, errors, savedAt, locale }) => (
  <>
    <SaveStatus savedAt={savedAt} errorCount={Object.keys(errors).length} locale={locale} oob />
    <FieldErrorsOob names={names} errors={errors} />
  </>
);
