import { Hono, type Context } from 'hono';
import { programmeName, stateLabel } from '../../workflows/labels';
import { beijingToday } from '../../workflows/display-format';
import { auditCase, deskOptions } from '../domain/audit-desk/audit-case';
import { auditorCaseFilter, auditorCases, countFilteredDecisions } from '../domain/audit-desk/auditor-cases';
import { auditChainCheck, auditTrailPage } from '../domain/audit-desk/audit-trail';
import type { CaseListRow } from '../domain/workbench/list-workbench';
import { AppError } from '../domain/errors';
import { filterQuery, type WorkbenchFilter } from '../domain/workbench/case-filter';
import type { AppEnv } from '../env';
import { Timeline } from '../../views/components/timeline';
import { AuditCasePage } from '../../views/audit/case';
import { AuditDesk, AuditFilterForm, AuditResults, ChainBanner, type AuditCaseRow } from '../../views/audit/desk';
import { TrailPage } from '../../views/audit/trail';
import { isHtmx, renderFragment, renderPage } from './render';

const caseRowView = (locale: 'zh' | 'en') => (r: CaseListRow): AuditCaseRow => {
  return {
    id: r.id, reference: r.reference, applicant: r.enterpriseName, programme: programmeName(r.programmeCode)[locale],
    state: stateLabel(r.state, r.programmeCode)[locale], amount: r.amount, updatedAt: r.updatedAt,
  };
};

function results(c: Context<AppEnv>) {
  const { user, filter } = auditorCaseFilter(c.var.user, c.req.query());
  const page = auditorCases(c.var.deps, user, filter);
  const q = (extra: Partial<WorkbenchFilter> = {}) => filterQuery({ ...filter, view: undefined }, extra);
  const node = <AuditResults locale={c.var.locale} rows={page.items.map(caseRowView(c.var.locale))}
    nextHref={page.nextCursor ? `/audit?${q({ cursor: page.nextCursor })}` : null}
    zipHref={`/audit/decisions.zip?${q()}`} zip={countFilteredDecisions(c.var.deps, user, filter)} />;
  return { filter, node };
}

const positiveId = (raw: string | undefined): number => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  return id;
};

/** The auditor's desk: every submitted case read-only, the audit trail and the chain check. */
export const auditRoutes = new Hono<AppEnv>()
  .get('/audit', (c) => {
    const { filter, node } = results(c);
    const form = <AuditFilterForm locale={c.var.locale} f={filter} {...deskOptions(c.var.locale)} />;
    return renderPage(c, c.var.locale === 'zh' ? '审计工作台' : 'Audit desk',
      <AuditDesk locale={c.var.locale} form={form} results={node} today={beijingToday(c.var.deps.clock.now())} />);
  })
  .get('/audit/results', (c) => {
    const { node } = results(c);
    return isHtmx(c) ? renderFragment(c, node) : c.redirect(`/audit?${new URL(c.req.url).searchParams}`, 303);
  })
  .get('/audit/chain', (c) => {
    const chain = auditChainCheck(c.var.deps, c.var.user);
    const banner = <ChainBanner locale={c.var.locale} ok={chain.ok} checked={chain.checked} firstBadId={chain.firstBadId} />;
    return isHtmx(c) ? renderFragment(c, banner) : renderPage(c, c.var.locale === 'zh' ? '审计链校验' : 'Audit chain check', banner);
  })
  .get('/audit/trail', (c) => {
    const page = auditTrailPage(c.var.deps, c.var.user, { cursor: c.req.query('cursor') });
    return renderPage(c, c.var.locale === 'zh' ? '审计记录' : 'Audit trail', <TrailPage locale={c.var.locale}
      rows={page.items} nextHref={page.nextCursor ? `/audit/trail?cursor=${encodeURIComponent(page.nextCursor)}` : null} />);
  })
  .get('/audit/cases/:id{[0-9]+}', async (c) => {
    const id = positiveId(c.req.param('id'));
    const { view, workflow, history } = await auditCase(c.var.deps, c.var.user, id, c.var.locale);
    const trail = auditTrailPage(c.var.deps, c.var.user, { caseId: id, cursor: c.req.query('cursor') });
    return renderPage(c, view.reference, <AuditCasePage locale={c.var.locale} c={view} trail={trail.items}
      trailNext={trail.nextCursor ? `/audit/cases/${id}?cursor=${encodeURIComponent(trail.nextCursor)}` : null}
      timeline={<Timeline entries={history} workflow={workflow} locale={c.var.locale} />} />);
  });
