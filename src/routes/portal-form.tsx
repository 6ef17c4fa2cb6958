// The application form of a draft (or of a case returned for amendment), saved as it is typed.
import { Hono } from 'hono';
import { visibleCase, workflowOf } from '../domain/cases/load-case';
import { fieldErrors, formEventOf, updateDraft } from '../domain/cases/update-draft';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import type { AppEnv } from '../env';
import type { Workflow } from '../../workflows/types';
import { errorSlots, formFromFields, type JsonSchema } from '../../views/components/case-form';
import { formJsonSchema as formSchemaOf } from '../domain/cases/form-schema';
import { AutosaveResult, FormPage } from '../../views/portal/form-page';
import { pathCaseId } from './portal-model';
import { isHtmx, renderFragment, renderPage } from './render';

const formJsonSchema = (w: Workflow): JsonSchema => formSchemaOf(w) as JsonSchema;

/** `?more=products:2`: two more empty rows in the list `products` (from the "add a row" button). */
function moreRows(raw: string | undefined): Record<string, number> | undefined {
  const m = raw ? /^([A-Za-z][\w.]{0,60}):(\d{1,2})$/.exec(raw) : null;
  return m ? { [m[1]!]: Number(m[2]) } : undefined;
}

export const portalFormRoutes = new Hono<AppEnv>()
  .get('/portal/cases/:id/form', (c) => {
    const user = requireRole(c.var.user, 'applicant');
    const row = visibleCase(c.var.deps, user, pathCaseId(c));
    const w = workflowOf(row);
    if (!formEventOf(w, row)) return c.redirect(`/portal/cases/${row.id}`, 303);
    const form = JSON.parse(row.form) as Record<string, unknown>;
    return renderPage(c, `${row.reference} · ${c.var.locale === 'zh' ? '申请表' : 'Form'}`,
      <FormPage caseId={row.id} reference={row.reference} programmeName={w.name} schema={formJsonSchema(w)} form={form}
        errors={fieldErrors(w, form, c.var.locale)} csrfToken={c.var.csrfToken} locale={c.var.locale} savedAt={row.updatedAt}
        more={moreRows(c.req.query('more'))} />);
  })
  .post('/portal/cases/:id/form', async (c) => {
    const user = requireRole(c.var.user, 'applicant');
    const row = visibleCase(c.var.deps, user, pathCaseId(c));
    const w = workflowOf(row);
    const schema = formJsonSchema(w);
    const body = await c.req.parseBody();
    if (Object.values(body).some((v) => typeof v !== 'string')) throw new AppError('BAD_REQUEST', 'The form has only text fields.');
    const result = updateDraft(c.var.deps, user, row.id, formFromFields(schema, body), c.var.locale);
    if (isHtmx(c)) {
      // htmx may take over the "save and go back" click (a pending change fires first): it
      // carries the button's name, and a clean save then navigates like the plain form would.
      if (body._return === '1' && Object.keys(result.errors).length === 0) c.header('HX-Redirect', `/portal/cases/${row.id}`);
      if (typeof body._more === 'string' && moreRows(body._more)) c.header('HX-Redirect', `/portal/cases/${row.id}/form?more=${encodeURIComponent(body._more)}`);
      return renderFragment(c, <AutosaveResult names={errorSlots(schema, result.form)} errors={result.errors} savedAt={result.row.updatedAt} locale={c.var.locale} />);
    }
    if (typeof body._more === 'string' && moreRows(body._more)) return c.redirect(`/portal/cases/${row.id}/form?more=${encodeURIComponent(body._more)}`, 303);
    if (Object.keys(result.errors).length) {
      return renderPage(c, row.reference, <FormPage caseId={row.id} reference={row.reference} programmeName={w.name} schema={schema} form={result.form}
        errors={result.errors} csrfToken={c.var.csrfToken} locale={c.var.locale} savedAt={result.row.updatedAt} />, 422);
    }
    return c.redirect(`/portal/cases/${row.id}`, 303);
  });
