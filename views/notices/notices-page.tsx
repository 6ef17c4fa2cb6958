// The public notice (公示): cases proposed for support, with enterprise, project, amount and the
// end of the notice; anyone may object to one, here or through POST /api/v1/notices/:id/objections.
import type { FC } from 'hono/jsx';
import { beijingDateTime, yuan } from '../../workflows/display-format';
import type { Bilingual } from '../../workflows/types';
import { CsrfField, Field, FormError, type FieldErrors } from '../components/fields';
import type { Locale } from '../i18n';

export interface NoticeRow { caseId: number; reference: string; programmeName: Bilingual; enterprise: string; project: string; amount: number; endsAt: string }
export interface ObjectionDraft { caseId: number; values: Record<string, string>; errors: FieldErrors; message: string }

const L = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en);

export const NoticesPage: FC<{ notices: NoticeRow[]; locale: Locale; csrfToken: string | null; filed?: number | null; draft?: ObjectionDraft | null }> = ({ notices, locale, csrfToken, filed, draft }) => (
  <>
    <h1>{L(locale, '公示', 'Public notice')}</h1>
    <p>{L(locale,
      '以下项目拟予支持，现予公示。公示期内，任何单位和个人均可对公示内容提出异议；商务主管部门对每一条异议逐一核实处理后方可批复。',
      'The projects below are proposed for support and published for objections. Anyone may object while the notice runs; the commerce department checks and resolves each objection before any approval.')}</p>
    {filed ? <div class="alert ok" role="status" id="objection-filed">{L(locale, `异议已登记（编号 #${filed}），商务主管部门将核实处理。`, `Your objection is filed (number #${filed}); the commerce department will check it.`)}</div> : null}
    {notices.length === 0 ? <p class="muted" id="no-notices">{L(locale, '目前没有正在公示的项目。', 'No project is under public notice at present.')}</p> : (
      <table class="notices">
        <caption>{L(locale, '正在公示的项目', 'Projects under public notice')}</caption>
        <thead><tr>
          <th scope="col">{L(locale, '案件编号', 'Reference')}</th><th scope="col">{L(locale, '支持项目', 'Programme')}</th>
          <th scope="col">{L(locale, '企业', 'Enterprise')}</th><th scope="col">{L(locale, '项目名称', 'Project')}</th>
          <th scope="col">{L(locale, '拟支持金额', 'Amount proposed')}</th><th scope="col">{L(locale, '公示截止（北京时间）', 'Notice ends (Beijing time)')}</th>
        </tr></thead>
        <tbody>{notices.map((n) => (
          <tr data-case={String(n.caseId)}>
            <td>{n.reference}</td><td>{n.programmeName[locale]}</td><td>{n.enterprise}</td><td>{n.project}</td>
            <td class="num">{yuan(n.amount)}</td><td>{beijingDateTime(n.endsAt)}</td>
          </tr>
        ))}</tbody>
      </table>
    )}
    {notices.map((n) => {
      const mine = draft?.caseId === n.caseId ? draft : null;
      return (
        <details class="card" open={mine ? true : undefined}>
          <summary>{L(locale, `对 ${n.reference}（${n.enterprise}）提出异议`, `Object to ${n.reference} (${n.enterprise})`)}</summary>
          <form method="post" action={`/notices/${n.caseId}/objections`}>
            <CsrfField token={csrfToken} />
            <FormError message={mine?.message} />
            <Field name="name" label={L(locale, '姓名或单位', 'Name or organisation')} value={mine?.values.name} errors={mine?.errors} required />
            <Field name="contact" label={L(locale, '联系方式（电话或邮箱）', 'Contact (phone or email)')} value={mine?.values.contact} errors={mine?.errors} required />
            <div class="field">
              <label for={`text-${n.caseId}`}>{L(locale, '异议内容', 'Your objection')}</label>
              <textarea id={`text-${n.caseId}`} name="text" rows={4} required aria-invalid={mine?.errors.text ? 'true' : undefined}>{mine?.values.text ?? ''}</textarea>
              {mine?.errors.text ? <p class="field-error">{mine.errors.text}</p> : null}
            </div>
            <button type="submit">{L(locale, '提交异议', 'File the objection')}</button>
          </form>
        </details>
      );
    })}
  </>
);
