import { Hono, type Context } from 'hono';
import { fieldMessages, messageOf } from './refusal-messages';
import { caseCallBudget } from './workbench-calls';
import { caseFacts } from '../domain/cases/case-facts';
import { lowerPriorityNote } from '../../workflows/policy-guards';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { visibleCase, workflowOf } from '../domain/cases/load-case';
import { downloadDocument } from '../domain/documents/download-document';
import { AppError } from '../domain/errors';
import { requireRole, STAFF_ROLES } from '../domain/policy';
import { actionFromForm, actOnCase } from '../domain/workbench/act-on-case';
import { eventDataFromForm, type FormBody } from '../domain/workbench/event-input';
import { declareInterest, requireReadable } from '../domain/workbench/expert-review';
import { addComment, listComments } from '../domain/workbench/internal-comments';
import { staffCase, staffHistory } from '../domain/workbench/staff-case';
import { eventJsonSchema } from '../domain/cases/case-view';
import type { AppEnv } from '../env';
import type { EventDraft, PendingConfirmation } from '../../views/components/event-forms';
import { CasePage, CasePanel, DeclarationPage, olderEntries, type Flash } from '../../views/workbench/case-page';
import { TimelineItems } from '../../views/components/timeline';
import { CommentsSection } from '../../views/workbench/case-sections';
import { L } from '../../views/workbench/text';
import { isHtmx, renderFragment, renderPage } from './render';
import { stateLabel } from '../../workflows/labels';

const caseId = (c: Context<AppEnv>) => Number(c.req.param('id'));

/** The case page, or only its panel for htmx, with an outcome message and the user's last input. */
function renderCase(c: Context<AppEnv>, flash: Flash | null, draft: EventDraft | null, status: ContentfulStatusCode = 200, pending: PendingConfirmation | null = null) {
  const user = c.var.user!;
  const sc = staffCase(c.var.deps, user, caseId(c), { allHistory: c.req.query('history') === 'all' });
  const workflow = workflowOf(sc.row);
  const props = { sc, workflow, locale: c.var.locale, csrfToken: c.var.csrfToken, flash, draft, pending, call: caseCallBudget(c.var.deps, sc.row.callId),
    priorityNote: sc.row.submittedAt ? lowerPriorityNote(caseFacts(c.var.deps, sc.row)) : null };
  if (sc.access === 'must-declare' || sc.access === 'conflicted') {
    return renderPage(c, sc.row.reference, <DeclarationPage {...props} error={flash?.message} />, status);
  }
  if (isHtmx(c)) return renderFragment(c, <CasePanel {...props} />, status);
  return renderPage(c, sc.row.reference, <CasePage {...props} />, status);
}

/** What the user typed, to put back into the form after a refusal or a conflict, with the messages by field. */
function draftOf(c: Context<AppEnv>, body: FormBody, type: string, err?: AppError): EventDraft | null {
  const spec = workflowOf(visibleCase(c.var.deps, c.var.user, caseId(c))).events.find((e) => e.type === type);
  if (!spec) return null;
  const values = { ...eventDataFromForm(eventJsonSchema(spec), body), comment: typeof body.comment === 'string' ? body.comment : '' };
  const more = typeof body._more === 'string' ? /^([\w.]{1,60}):(\d{1,2})$/.exec(body._more) : null;
  return { type, values, errors: err ? fieldMessages(err, c.var.locale) : {}, more: more ? { [more[1]!]: Number(more[2]) } : undefined };
}

export const workbenchCaseRoutes = new Hono<AppEnv>()
  .get('/workbench/cases/:id', (c) => renderCase(c, null, null))
  .get('/workbench/cases/:id/history', (c) => {
    const page = staffHistory(c.var.deps, c.var.user!, caseId(c), c.req.query('before'));
    return renderFragment(c, <TimelineItems entries={page.entries} workflow={workflowOf(page.row)} locale={c.var.locale} newestFirst older={olderEntries(page.row.id, page.older)} />);
  })
  .post('/workbench/cases/:id/events', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const action = actionFromForm(body);
    const locale = c.var.locale;
    // "Add a row" of a list field: the same form drawn again with one more row, nothing sent.
    if (typeof body._more === 'string') {
      requireRole(c.var.user, ...STAFF_ROLES);
      return renderCase(c, null, draftOf(c, body, action.type));
    }
    try {
      const done = actOnCase(c.var.deps, c.var.user!, caseId(c), action);
      if ('confirm' in done) return renderCase(c, null, draftOf(c, body, action.type), 200, done.confirm);
      const { row } = done;
      if (!isHtmx(c)) return c.redirect(`/workbench/cases/${row.id}`, 303);
      const label = (workflowOf(row).stateLabels[row.state] ?? stateLabel(row.state, row.programmeCode))[locale];
      return renderCase(c, { kind: 'ok', message: L(locale, `已办理。案件现为：${label}（版本 ${row.version}）`, `Done. The case is now: ${label} (version ${row.version})`) }, null);
    } catch (err) {
      if (!(err instanceof AppError) || !['VERSION_CONFLICT', 'UNPROCESSABLE', 'FORBIDDEN'].includes(err.code) || !c.var.user) throw err;
      const draft = draftOf(c, body, action.type, err);
      if (err.code === 'VERSION_CONFLICT') {
        const d = err.details as { currentVersion: number; state: string };
        const message = L(locale, `案件已被他人更新（现为版本 ${d.currentVersion}），您的操作未执行。下方显示最新状态，您填写的内容已保留，请核对后再提交。`,
          `The case changed while you were working (now version ${d.currentVersion}); your step was not applied. The current state is shown below and your input is kept: check it and submit again.`);
        return renderCase(c, { kind: 'conflict', message }, draft, 409);
      }
      return renderCase(c, { kind: 'error', message: messageOf(err, locale) }, draft, err.status as ContentfulStatusCode);
    }
  })
  .post('/workbench/cases/:id/comments', async (c) => {
    const body = await c.req.parseBody();
    const { deps, locale, csrfToken } = c.var;
    let error: string | null = null;
    try {
      addComment(deps, c.var.user!, caseId(c), body.body);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      error = err.userMessage;
    }
    if (!isHtmx(c)) return c.redirect(`/workbench/cases/${caseId(c)}#comments`, 303);
    return renderFragment(c, <CommentsSection caseId={caseId(c)} comments={listComments(deps, caseId(c))} canWrite csrfToken={csrfToken} error={error} locale={locale} />, error ? 422 : 200);
  })
  .post('/workbench/cases/:id/declaration', async (c) => {
    const body = await c.req.parseBody();
    if (!c.var.user) throw new AppError('UNAUTHENTICATED');
    try {
      declareInterest(c.var.deps, c.var.user, caseId(c), { conflict: body.conflict === 'yes', note: typeof body.note === 'string' ? body.note : undefined });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      return renderCase(c, { kind: 'error', message: err.userMessage }, null, 422);
    }
    return c.redirect(`/workbench/cases/${caseId(c)}`, 303);
  })
  .get('/workbench/cases/:id/documents/:docId', (c) => {
    const sc = staffCase(c.var.deps, c.var.user!, caseId(c)); // role and visibility
    requireReadable(c.var.deps, c.var.user!, sc.row);
    const doc = downloadDocument(c.var.deps, c.var.user!, sc.row.id, Number(c.req.param('docId')));
    c.header('Content-Type', doc.mime);
    c.header('Content-Disposition', `attachment; filename="${doc.name}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(doc.bytes));
  });
