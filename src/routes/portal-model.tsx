// Gathers what the portal pages show from the domain verbs (no rules decided here).
import type { Context } from 'hono';
import type { CurrentUser } from '../domain/auth/current-user';
import { caseHistory, eventsFor, historyFor } from '../domain/cases/case-view';
import { historyPage, stepsTaken } from '../domain/cases/history-page';
import { shownFacts } from '../domain/cases/case-facts-shown';
import { restoreSnapshot, workflowOf, type CaseRow } from '../domain/cases/load-case';
import { submissionBlockers } from '../domain/cases/update-draft';
import type { Deps } from '../domain/deps';
import { caseDecisionLinks } from '../domain/decisions/list-case-decisions';
import { formJsonSchema } from '../domain/cases/form-schema';
import type { JsonSchema } from '../../views/components/case-form';
import { listDocuments } from '../domain/documents/list-documents';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import type { CasePageProps } from '../../views/portal/case-page';
import type { Bilingual } from '../../workflows/types';
import { stateLabel } from '../../workflows/labels';

export const stateLabelOf = (row: CaseRow): Bilingual => workflowOf(row).stateLabels[row.state] ?? stateLabel(row.state, row.programmeCode);

/** The case id of the path; anything but a positive integer is simply not found. */
export function pathCaseId(c: Context<AppEnv>): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', 'No such case.');
  return id;
}

/** The "older entries" link of the applicant's timeline: an htmx fragment, or the page with the whole history. */
export const portalOlderEntries = (caseId: number, before: number | null) =>
  (before === null ? null : { url: `/portal/cases/${caseId}/history?before=${before}`, fallback: `/portal/cases/${caseId}?history=all#hist-h` });

export function casePageModel(deps: Deps, user: CurrentUser, row: CaseRow, locale: 'zh' | 'en', csrfToken: string | null, allHistory = false): CasePageProps {
  const w = workflowOf(row);
  const history = allHistory ? { entries: caseHistory(deps, row.id, row.version), older: null } : historyPage(deps, row.id);
  const { allowed } = eventsFor(deps, user, row, w);
  const blockers = submissionBlockers(deps, user, row);
  return {
    c: {
      id: row.id, reference: row.reference, programmeName: w.name, state: row.state, stateLabel: stateLabelOf(row),
      version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, submittedAt: row.submittedAt, dueAt: row.dueAt, isFinal: row.isFinal,
    },
    workflow: w,
    history: historyFor(history.entries, user, row),
    olderHistory: portalOlderEntries(row.id, history.older),
    path: stepsTaken(deps, row.id, row.version),
    docs: listDocuments(deps, row.id),
    decisions: caseDecisionLinks(deps, row.id),
    submitted: row.submittedAt ? { schema: formJsonSchema(w) as JsonSchema, form: JSON.parse(row.form) as Record<string, unknown> } : null,
    kinds: w.documents,
    canReplace: blockers.event !== null,
    formEvent: blockers.event,
    blockers: blockers.reasons,
    canWithdraw: allowed.some((e) => e.type === 'applicant.withdraw'),
    waitingOn: row.isFinal ? [] : w.waitingOn(restoreSnapshot(w, row)),
    returnReason: blockers.event === 'applicant.resubmit' ? String(shownFacts(row).find((f) => f.key === 'returnReason')?.value ?? '') || null : null,
    csrfToken,
    locale,
  };
}
