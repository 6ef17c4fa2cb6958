import type { FC } from 'hono/jsx';
import { CsrfField, Field, FormError, SelectField, type FieldErrors } from '../components/fields';
import { beijingDateTime, yuan } from '../../workflows/display-format';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';

export interface CallRow {
  id: number; label: Bilingual; programme: Bilingual; deadline: string; budget: number; used: number; left: number;
  categories: Bilingual[]; status: 'draft' | 'open' | 'closed'; openNow: boolean; canOpen: boolean; canClose: boolean;
}

interface Props {
  locale: Locale;
  csrfToken: string | null;
  calls: CallRow[];
  /** Programmes the reader may draft a call for, with the categories each funds. */
  draftable: { code: string; name: Bilingual; categories: { value: string; label: Bilingual }[] }[];
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  error?: string | null;
  notice?: string | null;
}

const STATUS: Record<CallRow['status'], Bilingual> = { draft: { zh: '草稿（待发布）', en: 'Draft (to be opened)' }, open: { zh: '受理中', en: 'Open' }, closed: { zh: '已关闭', en: 'Closed' } };

export type CallBudgetInfo = Pick<CallRow, 'label' | 'budget' | 'used' | 'left' | 'deadline'>;

/** Budget used and left of a call, for the desk (queue and case page). */
export const CallBudget: FC<{ locale: Locale; call: CallBudgetInfo }> = ({ locale, call }) => {
  const zh = locale === 'zh';
  return (
    <p class="call-budget">
      <strong>{call.label[locale]}</strong>{zh ? '：预算 ' : ': budget '}{yuan(call.budget)}{zh ? '，已批复 ' : ', approved '}{yuan(call.used)}
      {zh ? '，余额 ' : ', left '}<strong>{yuan(call.left)}</strong>{zh ? `；截止 ${beijingDateTime(call.deadline)}` : `; deadline ${beijingDateTime(call.deadline)}`}
    </p>
  );
};

/** 申报指南: the calls of the reader's programmes; an officer drafts, another person opens, either closes. */
export const CallsPage: FC<Props> = ({ locale, csrfToken, calls, draftable, values = {}, errors, error, notice }) => {
  const zh = locale === 'zh';
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const picked = ([] as string[]).concat(values.categories ?? []);
  return (
    <>
      <h1>{zh ? '申报指南' : 'Calls for applications'}</h1>
      <p>{zh ? '申请只能在开放的申报指南下提交；各指南的批复总额不超过其预算。发布申报指南须由起草人以外的审批人进行。' : 'Applications are taken only under an open call; the approvals of a call never exceed its budget. A call is opened by an approver other than the officer who drafted it.'}</p>
      {notice ? <div class="alert ok" role="status">{notice}</div> : null}
      <table>
        <thead><tr><th scope="col">{zh ? '申报指南' : 'Call'}</th><th scope="col">{zh ? '项目' : 'Programme'}</th><th scope="col">{zh ? '支持方向' : 'Categories'}</th>
          <th scope="col">{zh ? '截止' : 'Deadline'}</th><th scope="col">{zh ? '预算' : 'Budget'}</th><th scope="col">{zh ? '已批复' : 'Approved'}</th><th scope="col">{zh ? '余额' : 'Left'}</th>
          <th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '操作' : 'Actions'}</th></tr></thead>
        <tbody>
          {calls.map((c) => (
            <tr id={`call-${c.id}`}>
              <td>{c.label[locale]}</td><td>{c.programme[locale]}</td><td>{c.categories.map((x) => x[locale]).join(zh ? '、' : ', ')}</td>
              <td>{beijingDateTime(c.deadline)}</td><td>{yuan(c.budget)}</td><td>{yuan(c.used)}</td><td>{yuan(c.left)}</td>
              <td>{c.status === 'open' && !c.openNow ? (zh ? '已过截止日期' : 'Past its deadline') : STATUS[c.status][locale]}</td>
              <td>
                {c.canOpen ? <form method="post" action={`/workbench/calls/${c.id}/open`} class="inline"><CsrfField token={csrfToken} /><button type="submit">{zh ? '发布' : 'Open'}</button></form> : null}
                {c.canClose ? <form method="post" action={`/workbench/calls/${c.id}/close`} class="inline"><CsrfField token={csrfToken} /><button type="submit" class="secondary">{zh ? '关闭' : 'Close'}</button></form> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draftable.length ? (
        <section class="card" aria-labelledby="new-call">
          <h2 id="new-call">{zh ? '起草申报指南' : 'Draft a call'}</h2>
          <FormError message={error} />
          <form method="post" action="/workbench/calls" novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="programme" label={zh ? '支持项目' : 'Programme'} value={str('programme')} errors={errors} required placeholder="—"
              options={draftable.map((p) => ({ value: p.code, label: p.name[locale] }))} />
            <Field name="year" type="number" label={zh ? '年度' : 'Year'} value={str('year')} errors={errors} required />
            <Field name="batch" type="number" label={zh ? '批次' : 'Batch'} value={str('batch')} errors={errors} required />
            <Field name="deadline" type="date" label={zh ? '申报截止日期（北京时间当日结束）' : 'Deadline (end of that day, Beijing time)'} value={str('deadline')} errors={errors} required />
            <Field name="budget" type="number" label={zh ? '预算（元）' : 'Budget (yuan)'} value={str('budget')} errors={errors} required />
            <fieldset class="field" aria-describedby={errors?.categories ? 'f-categories-err' : undefined}>
              <legend>{zh ? '支持方向' : 'Categories funded'}</legend>
              {draftable.flatMap((p) => p.categories.map((c) => (
                <label><input type="checkbox" name="categories" value={c.value} checked={picked.includes(c.value)} /> {p.name[locale]} · {c.label[locale]}</label>
              )))}
              {errors?.categories ? <p class="field-error" id="f-categories-err">{errors.categories}</p> : null}
            </fieldset>
            <p><button type="submit">{zh ? '保存草稿' : 'Save the draft'}</button></p>
          </form>
        </section>
      ) : null}
    </>
  );
};
