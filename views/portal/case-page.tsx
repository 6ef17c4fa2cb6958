// The applicant's view of one case: where it stands, what to do next, documents, history.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { DocumentList, UploadForm, type DocumentItem, type DocumentKindItem } from '../components/documents';
import { beijingDateTime, yuan } from '../../workflows/display-format';
import { FormSummary, type JsonSchema } from '../components/case-form';
import { Timeline, type OlderEntries, type TimelineEntry, type TimelineWorkflow } from '../components/timeline';
import { WorkflowDiagram, type DiagramWorkflow, type StepTaken } from '../components/workflow-diagram';
import type { Locale } from '../i18n';
import { roleInProgramme } from '../../workflows/labels';
import { ConfirmBox, type PendingConfirmation } from '../components/event-forms';

interface PortalCase {
  id: number; reference: string; programmeName: Bilingual; state: string; stateLabel: Bilingual; version: number;
  createdAt: string; updatedAt: string; submittedAt: string | null; dueAt: string | null; isFinal: boolean;
}

export interface CasePageProps {
  c: PortalCase;
  workflow: DiagramWorkflow & TimelineWorkflow;
  history: TimelineEntry[];
  /** Where the older entries come from, when the history shows only the latest. */
  olderHistory?: OlderEntries | null;
  /** The steps the case took, for the diagram's path. */
  path: StepTaken[];
  docs: DocumentItem[];
  /** Decision letters of the case (决定书), oldest first. */
  decisions: { id: number; number: string; titleZh: string; titleEn: string; issuedAt: string; verificationCode: string; pdfUrl: string;
    amount?: number | null; conditions?: string | null; reasons?: string | null }[];
  /** The form as submitted, shown read-only once it can no longer be changed. */
  submitted?: { schema: JsonSchema; form: Record<string, unknown> } | null;
  kinds: DocumentKindItem[];
  canReplace: boolean;
  formEvent: string | null;
  blockers: Bilingual[];
  canWithdraw: boolean;
  waitingOn: string[];
  returnReason: string | null;
  csrfToken: string | null;
  locale: Locale;
  error?: string | null;
  uploadError?: string | null;
  /** A withdrawal waiting for the applicant's confirmation. */
  pending?: PendingConfirmation | null;
}

const Hidden: FC<{ csrf: string | null; version: number }> = ({ csrf, version }) => (
  <>{csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}<input type="hidden" name="version" value={String(version)} /></>
);

const NextStep: FC<CasePageProps> = (p) => {
  const { c, locale } = p;
  if (c.isFinal) return <p>{locale === 'zh' ? '本案已办结，无需再操作。' : 'This case is finished; nothing more to do.'}</p>;
  if (p.formEvent === 'applicant.submit') {
    return p.blockers.length
      ? <><p>{locale === 'zh' ? '请完成以下事项后提交：' : 'Before you can submit:'}</p><ul class="blockers">{p.blockers.map((b) => <li>{b[locale]}</li>)}</ul></>
      : <p>{locale === 'zh' ? '申请表和材料已齐全，可以提交。' : 'The form and documents are complete: you can submit.'}</p>;
  }
  if (p.formEvent === 'applicant.resubmit') {
    return (
      <>
        <p>{locale === 'zh' ? '案件被退回补正，请修改申请表或补充材料后重新提交。' : 'The case was returned for amendment: change the form or add documents, then resubmit.'}</p>
        {p.returnReason ? <blockquote class="comment">{p.returnReason}</blockquote> : null}
        {p.blockers.length ? <ul class="blockers">{p.blockers.map((b) => <li>{b[locale]}</li>)}</ul> : null}
      </>
    );
  }
  const who = p.waitingOn.map((r) => roleInProgramme(r, p.workflow.code)[locale]).join(locale === 'zh' ? '、' : ', ');
  return <p>{locale === 'zh' ? `目前无需您操作，等待${who || '办理机构'}处理。` : `Nothing for you to do now: waiting for ${who || 'the institution'}.`}</p>;
};

export const CasePage: FC<CasePageProps> = (p) => {
  const { c, locale, csrfToken } = p;
  const zh = locale === 'zh';
  return (
    <>
      <p><a href="/portal">{zh ? '← 我的申请' : '← My applications'}</a></p>
      <h1>{c.reference} · {c.programmeName[locale]}</h1>
      {p.error ? <div class="alert error" role="alert">{p.error}</div> : null}
      {p.pending ? <ConfirmBox pending={p.pending} action={p.pending.action ?? `/portal/cases/${c.id}`} cancel={`/portal/cases/${c.id}`} locale={locale} csrfToken={csrfToken} /> : null}
      <dl class="facts">
        <dt>{zh ? '当前状态' : 'State'}</dt><dd><span class="state" id="case-state" data-state={c.state}>{c.stateLabel[locale]}</span></dd>
        <dt>{zh ? '版本' : 'Version'}</dt><dd>{c.version}</dd>
        <dt>{zh ? '创建时间' : 'Created'}</dt><dd>{beijingDateTime(c.createdAt)}</dd>
        {c.submittedAt ? <><dt>{zh ? '提交时间' : 'Submitted'}</dt><dd>{beijingDateTime(c.submittedAt)}</dd></> : null}
        <dt>{zh ? '最近变更' : 'Last change'}</dt><dd>{beijingDateTime(c.updatedAt)}</dd>
        {c.dueAt ? <><dt>{zh ? '期限' : 'Deadline'}</dt><dd><time datetime={c.dueAt}>{beijingDateTime(c.dueAt)}</time></dd></> : null}
      </dl>
      <section class="card" aria-labelledby="next-h">
        <h2 id="next-h">{zh ? '下一步' : 'What to do next'}</h2>
        <NextStep {...p} />
        {p.formEvent ? <p><a class="button secondary" href={`/portal/cases/${c.id}/form`}>{zh ? '填写/修改申请表' : 'Fill in or change the form'}</a></p> : null}
        {p.formEvent === 'applicant.submit' ? (
          <form method="post" action={`/portal/cases/${c.id}/submit`}>
            <Hidden csrf={csrfToken} version={c.version} />
            <button type="submit" disabled={p.blockers.length > 0}>{zh ? '提交申请' : 'Submit the application'}</button>
          </form>
        ) : null}
        {p.formEvent === 'applicant.resubmit' ? (
          <form method="post" action={`/portal/cases/${c.id}/resubmit`}>
            <Hidden csrf={csrfToken} version={c.version} />
            <div class="field">
              <label for="resubmit-note">{zh ? '补正说明' : 'What you amended'}</label>
              <textarea id="resubmit-note" name="note" rows={3} required minlength={2} maxlength={2000}></textarea>
            </div>
            <button type="submit" disabled={p.blockers.length > 0}>{zh ? '重新提交' : 'Resubmit'}</button>
          </form>
        ) : null}
      </section>
      {p.decisions.length ? (
        <section class="card" id="decisions" aria-labelledby="decisions-h">
          <h2 id="decisions-h">{zh ? '决定书' : 'Decision letters'}</h2>
          <table>
            <thead><tr>
              <th scope="col">{zh ? '编号' : 'Number'}</th><th scope="col">{zh ? '决定' : 'Decision'}</th>
              <th scope="col">{zh ? '日期' : 'Date'}</th><th scope="col">{zh ? '文件' : 'File'}</th>
            </tr></thead>
            <tbody>{p.decisions.map((d) => (
              <tr data-decision={d.id}>
                <th scope="row">{d.number}</th><td><strong>{zh ? d.titleZh : d.titleEn}</strong>
                  {d.amount !== null && d.amount !== undefined ? <p data-amount>{zh ? '金额：' : 'Amount: '}{yuan(d.amount)}</p> : null}
                  {d.conditions ? <p>{zh ? '条件：' : 'Conditions: '}{d.conditions}</p> : null}
                  {d.reasons ? <p>{zh ? '理由：' : 'Reasons: '}{d.reasons}</p> : null}</td>
                <td><time datetime={d.issuedAt}>{beijingDateTime(d.issuedAt)}</time></td>
                <td><a href={d.pdfUrl} download>{zh ? `下载决定书 ${d.number}（PDF）` : `Download decision ${d.number} (PDF)`}</a>
                  {' · '}<a href={`/verify/${d.verificationCode}`}>{zh ? '核验' : 'Verify'}</a></td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      ) : null}
      {p.submitted && !p.formEvent ? (
        <section class="card" aria-labelledby="submitted-h" data-submitted>
          <h2 id="submitted-h">{zh ? '已提交的申请表' : 'The application as submitted'}</h2>
          <FormSummary schema={p.submitted.schema} form={p.submitted.form} locale={locale} />
        </section>
      ) : null}
      <section aria-labelledby="docs-h">
        <h2 id="docs-h">{zh ? '材料' : 'Documents'}</h2>
        <DocumentList caseId={c.id} docs={p.docs} kinds={p.kinds} locale={locale} />
        {c.isFinal ? null : <UploadForm caseId={c.id} kinds={p.kinds} present={p.docs.map((d) => d.kind)} canReplace={p.canReplace} csrfToken={csrfToken} locale={locale} error={p.uploadError} />}
      </section>
      <section aria-labelledby="flow-h">
        <h2 id="flow-h">{zh ? '办理进度' : 'Where the case is'}</h2>
        <WorkflowDiagram workflow={p.workflow} current={c.state} path={p.path} locale={locale} idPrefix="case" />
      </section>
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{zh ? '办理记录' : 'History'}</h2>
        <Timeline entries={p.history} workflow={p.workflow} locale={locale} older={p.olderHistory} />
      </section>
      {p.canWithdraw ? (
        <section class="card" aria-labelledby="wd-h">
          <h2 id="wd-h">{zh ? '撤回申请' : 'Withdraw'}</h2>
          <form method="post" action={`/portal/cases/${c.id}/withdraw`}>
            <Hidden csrf={csrfToken} version={c.version} />
            <div class="field">
              <label for="withdraw-reason">{zh ? '撤回理由（可选）' : 'Reason (optional)'}</label>
              <input id="withdraw-reason" name="reason" type="text" maxlength={2000} />
            </div>
            <button type="submit" class="danger">{zh ? '撤回申请' : 'Withdraw the application'}</button>
          </form>
        </section>
      ) : null}
    </>
  );
};
