// The applicant portal: the enterprise's cases, one case, and the steps an applicant takes.
import { Hono, type Context } from 'hono';
import type { CurrentUser } from '../domain/auth/current-user';
import { applyEvent, previewEvent } from '../domain/cases/apply-event';
import { eventsFor, historyFor } from '../domain/cases/case-view';
import { historyCursor, historyPage } from '../domain/cases/history-page';
import { listCases } from '../domain/cases/list-cases';
import { visibleCase, workflowOf } from '../domain/cases/load-case';
import { AppError } from '../domain/errors';
import { downloadDocument } from '../domain/documents/download-document';
import { uploadDocument } from '../domain/documents/upload-document';
import { requireRole } from '../domain/policy';
import type { AppEnv } from '../env';
import { readUpload, sendDocument } from '../api/documents';
import { CasePage } from '../../views/portal/case-page';
import { PortalHome } from '../../views/portal/home';
import { ownEnterpriseName } from '../domain/users/enterprise-name';
import { TimelineItems } from '../../views/components/timeline';
import { casePageModel, pathCaseId, portalOlderEntries, stateLabelOf } from './portal-model';
import { notificationRoutes } from './notifications';
import { portalFormRoutes } from './portal-form';
import { portalTeamRoutes } from './portal-team';
import { programmeRoutes } from './programmes';
import { renderFragment, renderPage } from './render';
import { messageOf } from './refusal-messages';

const applicant = (c: Context<AppEnv>): CurrentUser => requireRole(c.var.user, 'applicant');

/** The case page again, with the refusal in place (a 4xx page, never a 500). */
function casePageWith(c: Context<AppEnv>, user: CurrentUser, id: number, err: AppError, field: 'error' | 'uploadError' = 'error') {
  const row = visibleCase(c.var.deps, user, id);
  const model = casePageModel(c.var.deps, user, row, c.var.locale, c.var.csrfToken);
  return renderPage(c, row.reference, <CasePage {...model} {...{ [field]: messageOf(err, c.var.locale) }} />, err.status as 409 | 413 | 422);
}

const RECOVERABLE = new Set(['UNPROCESSABLE', 'VERSION_CONFLICT', 'CONFLICT', 'TOO_LARGE', 'BAD_REQUEST']);

/** Sends a workflow event from a page form: back to the case page, with the reason when refused. */
async function sendEvent(c: Context<AppEnv>, type: string, data: (body: Record<string, unknown>, form: Record<string, unknown>) => Record<string, unknown>) {
  const user = applicant(c);
  const id = pathCaseId(c);
  const row = visibleCase(c.var.deps, user, id);
  const body = await c.req.parseBody();
  const version = Number(body.version);
  const req = {
    caseId: id, type, expectedVersion: Number.isSafeInteger(version) ? version : -1,
    data: data(body, JSON.parse(row.form) as Record<string, unknown>),
    comment: typeof body.note === 'string' ? body.note.slice(0, 2000) : typeof body.reason === 'string' && body.reason ? body.reason.slice(0, 2000) : undefined,
  };
  const spec = workflowOf(row).events.find((e) => e.type === type);
  try {
    // A step that cannot be undone (withdrawal) is checked, then confirmed on the case page.
    if (spec?.irreversible && body._confirm !== '1') {
      previewEvent(c.var.deps, user, req);
      const fields = Object.entries(body).filter(([k, v]) => k !== '_csrf' && typeof v === 'string').map(([k, v]): [string, string] => [k, v as string]);
      const pending = { type, label: spec.label, reference: row.reference, amount: null, requested: row.amount, fields, action: c.req.path };
      return renderPage(c, row.reference, <CasePage {...casePageModel(c.var.deps, user, row, c.var.locale, c.var.csrfToken)} pending={pending} />);
    }
    applyEvent(c.var.deps, user, req);
  } catch (err) {
    if (err instanceof AppError && RECOVERABLE.has(err.code)) return casePageWith(c, user, id, err);
    throw err;
  }
  return c.redirect(`/portal/cases/${id}`, 303);
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const portalRoutes = new Hono<AppEnv>()
  .get('/portal', (c) => {
    const user = applicant(c);
    const deps = c.var.deps;
    const { items } = listCases(deps, user, { limit: 100 });
    const cases = items.map((row) => ({
      id: row.id, reference: row.reference, programmeName: workflowOf(row).name, state: row.state, stateLabel: stateLabelOf(row),
      updatedAt: row.updatedAt, dueAt: row.dueAt, yourTurn: eventsFor(deps, user, row).allowed.some((e) => e.type !== 'applicant.withdraw'),
    }));
    const title = c.var.locale === 'zh' ? '我的申请' : 'My applications';
    return renderPage(c, title, <PortalHome name={user.name} enterprise={ownEnterpriseName(deps, user)} cases={cases} locale={c.var.locale} />);
  })
  .get('/portal/cases/:id', (c) => {
    const user = applicant(c);
    const row = visibleCase(c.var.deps, user, pathCaseId(c));
    return renderPage(c, row.reference, <CasePage {...casePageModel(c.var.deps, user, row, c.var.locale, c.var.csrfToken, c.req.query('history') === 'all')} />);
  })
  .get('/portal/cases/:id/history', (c) => {
    const user = applicant(c);
    const row = visibleCase(c.var.deps, user, pathCaseId(c));
    const page = historyPage(c.var.deps, row.id, historyCursor(c.req.query('before')));
    return renderFragment(c, <TimelineItems entries={historyFor(page.entries, user, row)} workflow={workflowOf(row)} locale={c.var.locale} older={portalOlderEntries(row.id, page.older)} />);
  })
  .post('/portal/cases/:id/submit', (c) => sendEvent(c, 'applicant.submit', (_b, form) => ({ form })))
  .post('/portal/cases/:id/resubmit', (c) => sendEvent(c, 'applicant.resubmit', (b, form) => ({ note: str(b.note), form })))
  .post('/portal/cases/:id/withdraw', (c) => sendEvent(c, 'applicant.withdraw', (b) => (str(b.reason) ? { reason: str(b.reason) } : {})))
  .post('/portal/cases/:id/documents', async (c) => {
    const user = applicant(c);
    const id = pathCaseId(c);
    visibleCase(c.var.deps, user, id);
    try {
      uploadDocument(c.var.deps, user, id, await readUpload(c));
    } catch (err) {
      if (err instanceof AppError && RECOVERABLE.has(err.code)) return casePageWith(c, user, id, err, 'uploadError');
      throw err;
    }
    return c.redirect(`/portal/cases/${id}#docs-h`, 303);
  })
  .get('/portal/cases/:id/documents/:docId', (c) => {
    const user = applicant(c);
    return sendDocument(c, downloadDocument(c.var.deps, user, pathCaseId(c), Number(c.req.param('docId'))));
  })
  .route('/', portalFormRoutes)
  .route('/', portalTeamRoutes);

/** Everything of the applicant side, mounted as one page area (programmes and notifications are public / all roles). */
export const portalArea = new Hono<AppEnv>()
  .route('/', portalRoutes)
  .route('/', programmeRoutes)
  .route('/', notificationRoutes);
