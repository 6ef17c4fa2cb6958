// The staff case page. Everything that changes after an action is inside #case-panel, which the
// event forms replace in place (htmx); a 409 answers with the same panel, showing the new state.
import type { FC } from 'hono/jsx';
import { CallBudget, type CallBudgetInfo } from './calls-page';
import type { StaffCase } from '../../src/domain/workbench/staff-case';
import type { Bilingual, Workflow } from '../../workflows/types';
import type { Locale } from '../i18n';
import { ConfirmBox, EventForms, type EventDraft, type PendingConfirmation } from '../components/event-forms';
import { Timeline } from '../components/timeline';
import { WorkflowDiagram } from '../components/workflow-diagram';
import { ApplicationSection, CommentsSection, DecisionsSection, DocumentsSection, ExpertSection, FactsSection, ObjectionsSection } from './case-sections';
import { BriefSection } from './case-brief';
import { L, day } from './text';
import { industryLabel } from '../../workflows/labels';

export interface Flash { kind: 'ok' | 'error' | 'conflict'; message: string }

export interface CasePanelProps { sc: StaffCase; workflow: Workflow; locale: Locale; csrfToken: string | null; flash?: Flash | null; draft?: EventDraft | null; pending?: PendingConfirmation | null; call?: CallBudgetInfo | null; priorityNote?: Bilingual | null }

export const CasePanel: FC<CasePanelProps> = ({ sc, workflow, locale, csrfToken, flash, draft, pending }) => {
  const { row, timing } = sc;
  const label = workflow.stateLabels[row.state];
  const names = Object.fromEntries(sc.experts.map((e) => [e.id, e.name]));
  return (
    <div id="case-panel" data-version={String(row.version)} data-state={row.state}>
      {flash ? <div class={`alert ${flash.kind === 'ok' ? 'ok' : 'error'}`} role={flash.kind === 'ok' ? 'status' : 'alert'} id="flash" tabindex={-1} data-flash data-kind={flash.kind}>{flash.message}</div> : null}
      {pending ? <ConfirmBox pending={pending} action={`/workbench/cases/${row.id}/events`} cancel={`/workbench/cases/${row.id}`} locale={locale} csrfToken={csrfToken} target="#case-panel" /> : null}
      <section class="card" aria-labelledby="h-status">
        <h2 id="h-status">{L(locale, '当前状态', 'Current state')}</h2>
        <p>
          <span class="state" id="case-state">{label?.[locale] ?? row.state}</span>
          {' '}<span class="muted">{L(locale, '版本', 'version')} {row.version} · {L(locale, `已在此状态 ${timing.daysInState} 天`, `${timing.daysInState} days in this state`)}</span>
          {timing.overdue ? <strong class="overdue"> · {L(locale, `已逾期（期限 ${day(timing.deadline)}）`, `Overdue (deadline ${day(timing.deadline)})`)}</strong> : timing.deadline ? <span class="muted"> · {L(locale, '期限', 'deadline')} {day(timing.deadline)}</span> : null}
        </p>
        {workflow.isClosedState(row.state) ? <p id="case-closed"><strong>{L(locale, '本案已办结：不再接受任何办理操作。', 'This case is closed: no further step can be taken.')}</strong></p> : null}
        {sc.readOnly ? <p class="muted" id="read-only">{L(locale, '审计人员只读查看，不能办理。', 'Auditors read; they cannot act on cases.')}</p> : null}
        {sc.blocked.length ? (
          <ul class="blocked" aria-label={L(locale, '暂不能执行的操作', 'Steps not possible now')}>
            {sc.blocked.map((b) => <li data-blocked={b.type}><strong>{locale === 'zh' ? b.label : b.labelEn}</strong>：{locale === 'zh' ? b.reason : b.reasonEn}</li>)}
          </ul>
        ) : null}
      </section>
      <BriefSection brief={sc.brief} names={names} workflow={workflow} locale={locale} />
      {sc.allowed.length ? (
        <section aria-labelledby="h-actions">
          <h2 id="h-actions">{L(locale, '办理', 'Act on this case')}</h2>
          <div class="grid">
            <EventForms events={sc.allowed} caseId={row.id} version={row.version} locale={locale} csrfToken={csrfToken} experts={sc.experts} draft={draft} target="#case-panel" />
          </div>
        </section>
      ) : null}
      <ObjectionsSection objections={sc.objections} locale={locale} />
      <ExpertSection panel={sc.panel} scores={sc.scores} scoresHidden={sc.scoresHidden} names={names} locale={locale} />
      <FactsSection facts={sc.facts} locale={locale} />
      <DecisionsSection decisions={sc.decisions} locale={locale} />
      <section class="card" aria-labelledby="h-history">
        <h2 id="h-history">{L(locale, '办理过程', 'Timeline')}</h2>
        <WorkflowDiagram workflow={workflow} current={row.state} path={sc.path} locale={locale} idPrefix="case-wf" />
        <Timeline entries={sc.history} workflow={workflow} locale={locale} newestFirst older={olderEntries(row.id, sc.olderHistory)} />
      </section>
    </div>
  );
};

/** The "older entries" link of the timeline: an htmx fragment, or the page with the whole history. */
export const olderEntries = (caseId: number, before: number | null) =>
  (before === null ? null : { url: `/workbench/cases/${caseId}/history?before=${before}`, fallback: `/workbench/cases/${caseId}?history=all#h-history` });

export const CasePage: FC<CasePanelProps> = (props) => {
  const { sc, workflow, locale, csrfToken } = props;
  const { row } = sc;
  const docLabels = Object.fromEntries(workflow.documents.map((d) => [d.kind, d.label[locale]]));
  return (
    <>
      <p><a href="/workbench">← {L(locale, '返回工作台', 'Back to the workbench')}</a></p>
      <h1>{row.reference} <span class="muted">{workflow.name[locale]}</span></h1>
      <p class="muted">{row.enterpriseName} · {row.creditCode} · {row.province} · {industryLabel(row.industry)[locale]}</p>
      {props.call ? <CallBudget locale={locale} call={props.call} /> : null}
      {props.priorityNote ? <p data-priority="lower">{props.priorityNote[locale]}</p> : null}
      <CasePanel {...props} />
      <CommentsSection caseId={row.id} comments={sc.comments} canWrite={!sc.readOnly} csrfToken={csrfToken} locale={locale} />
      <DocumentsSection caseId={row.id} documents={sc.documents} labels={docLabels} locale={locale} />
      <ApplicationSection form={sc.form} schema={sc.formSchema} locale={locale} />
    </>
  );
};

/** What an expert sees of a case before declaring: enough to know whether they are conflicted. */
export const DeclarationPage: FC<{ sc: StaffCase; workflow: Workflow; locale: Locale; csrfToken: string | null; error?: string | null }> = ({ sc, workflow, locale, csrfToken, error }) => {
  const { row } = sc;
  const action = `/workbench/cases/${row.id}/declaration`;
  return (
    <>
      <h1>{row.reference} <span class="muted">{workflow.name[locale]}</span></h1>
      <section class="card" id="declaration">
        <h2>{L(locale, '利益冲突声明', 'Declaration of interests')}</h2>
        <p>{L(locale, `申请企业：${row.enterpriseName}（${row.creditCode}）。查看案件前，请声明您与该企业是否存在利益关系（任职、持股、亲属、近三年业务往来）。`,
          `Applicant: ${row.enterpriseName} (${row.creditCode}). Before you see the case, declare whether you have any tie to this enterprise (employment, shares, family, business in the last three years).`)}</p>
        {error ? <div class="alert error" role="alert">{error}</div> : null}
        {sc.access === 'conflicted' ? <p class="alert error" role="alert">{L(locale, '您已声明存在利益冲突，已回避本案，将由其他专家替换。', 'You declared a conflict: you are recused and will be replaced.')}</p> : (
          <>
            <form method="post" action={action} class="inline">
              {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
              <input type="hidden" name="conflict" value="no" />
              <p><button type="submit" id="declare-none">{L(locale, '本人与该企业无利益冲突', 'I have no conflict of interest')}</button></p>
            </form>
            <form method="post" action={action}>
              {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
              <input type="hidden" name="conflict" value="yes" />
              <label for="conflict-note">{L(locale, '存在利益冲突：请说明', 'I have a conflict: describe it')}</label>
              <textarea id="conflict-note" name="note" rows={2} maxlength={2000} required></textarea>
              <p><button type="submit" class="danger" id="declare-conflict">{L(locale, '声明存在利益冲突并回避', 'Declare a conflict and recuse myself')}</button></p>
            </form>
          </>
        )}
      </section>
    </>
  );
};
