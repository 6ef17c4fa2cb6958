import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { auditEvents } from '../../db/schema/index';
import { jsonSchemaOf } from '../../../workflows/schema-form';
import type { EventSpec, Workflow } from '../../../workflows/types';
import { toActor, type CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { canSendEvent } from '../policy';
import { withCurrentForm } from './apply-event';
import { caseFacts } from './case-facts';
import { allScoresIn, expertMayAct, visibleScores } from '../workbench/expert-review';
import { restoreSnapshot, storedContext, workflowOf, type CaseRow } from './load-case';
import { EXPERT_PANEL_ACTOR, stateLabel } from '../../../workflows/labels';

export interface AllowedEvent { type: string; label: string; labelEn: string; schema: Record<string, unknown>; example: Record<string, unknown> }
export interface BlockedEvent { type: string; label: string; labelEn: string; reason: string; reasonEn: string }
export interface HistoryEntry { at: string; actor: string; actorId?: number | null; role: string; type: string; from: string | null; to: string | null; comment: string | null; version: number | null; data: unknown }

/** JSON Schema of an event's data; computed once per event type. */
export function eventJsonSchema(spec: EventSpec): Record<string, unknown> {
  return jsonSchemaOf(spec.schema) as Record<string, unknown>;
}

/**
 * The events this user may send now: in the current state, allowed to the role and the
 * institution, and accepted by the guards with the example data. Events the role could send
 * but a guard refuses now are returned as `blocked`, with the reason, for the pages.
 */
export function eventsFor(deps: Deps, user: CurrentUser, row: CaseRow, w: Workflow = workflowOf(row)) {
  const allowed: AllowedEvent[] = [];
  const blocked: BlockedEvent[] = [];
  if (row.isFinal) return { allowed, blocked };
  const snapshot = restoreSnapshot(w, row);
  const types = new Set(w.eventTypesIn(snapshot));
  const candidates = w.events.filter((e) => types.has(e.type) && canSendEvent(user, row, e));
  if (candidates.length === 0) return { allowed, blocked };
  // An expert acts only after declaring no conflict (the same rule applyEvent enforces).
  const recusal = expertMayAct(deps, user, row);
  if (recusal) {
    for (const spec of candidates) blocked.push({ type: spec.type, label: spec.label.zh, labelEn: spec.label.en, reason: recusal.zh, reasonEn: recusal.en });
    return { allowed, blocked };
  }
  const actor = toActor(user);
  const facts = caseFacts(deps, row);
  for (const spec of candidates) {
    const example = w.example(snapshot, spec.type, actor, facts);
    const reason = w.refusal(snapshot, { type: spec.type, data: withCurrentForm(row, spec.type, example), actor, facts });
    if (reason) blocked.push({ type: spec.type, label: spec.label.zh, labelEn: spec.label.en, reason: reason.zh, reasonEn: reason.en });
    else allowed.push({ type: spec.type, label: spec.label.zh, labelEn: spec.label.en, schema: eventJsonSchema(spec), example });
  }
  return { allowed, blocked };
}

/**
 * Workflow events of the case, oldest first (timed events have actor and role `system`).
 * Every workflow event raises the case's version, so (case, version) names one history exactly:
 * a long history is read and parsed once per version, not once per page view.
 */
export function caseHistory(deps: Deps, caseId: number, version?: number): HistoryEntry[] {
  // Inside a transaction the rows may still roll back: read, but do not remember.
  if (version === undefined || deps.db.$client.inTransaction) return readHistory(deps, caseId);
  let cache = historyCaches.get(deps.db);
  if (!cache) historyCaches.set(deps.db, (cache = new Map()));
  const key = `${caseId}:${version}`;
  let h = cache.get(key);
  if (!h) {
    h = readHistory(deps, caseId);
    if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
    cache.set(key, h);
  }
  return h;
}

const historyCaches = new WeakMap<Deps['db'], Map<string, HistoryEntry[]>>();

function readHistory(deps: Deps, caseId: number): HistoryEntry[] {
  return preparedQuery(deps.db, 'case-history', (db) => db.select().from(auditEvents)
    .where(and(eq(auditEvents.caseId, sql.placeholder('case')), eq(auditEvents.kind, 'event')))
    .orderBy(asc(auditEvents.id)).prepare()).all({ case: caseId })
    .map((a) => ({
      at: a.at, actor: a.actorName, actorId: a.actorId, role: a.actorRole, type: a.type, from: a.fromState, to: a.toState,
      comment: a.comment, version: a.version, data: a.data ? JSON.parse(a.data) : null,
    }));
}

export function caseSummary(row: CaseRow) {
  const w = workflowOf(row);
  const label = w.stateLabels[row.state] ?? stateLabel(row.state, row.programmeCode);
  return {
    id: row.id, reference: row.reference, programme: row.programmeCode,
    applicant: { id: row.enterpriseId, name: row.enterpriseName },
    state: row.state, stateLabel: label.zh, stateLabelEn: label.en,
    // API.md: a final state, from the programme's definition (not from what this user may send).
    closed: w.isClosedState(row.state),
    version: row.version, amount: row.amount, province: row.province,
    createdAt: row.createdAt, updatedAt: row.updatedAt, submittedAt: row.submittedAt, stateSince: row.stateSince, dueAt: row.dueAt,
  };
}

/** A case as the API shows it to this user (API.md). */
export function caseView(deps: Deps, user: CurrentUser, row: CaseRow) {
  const w = workflowOf(row);
  const { allowed, blocked } = eventsFor(deps, user, row, w);
  const context = storedContext(row) as Record<string, unknown>;
  return {
    ...caseSummary(row),
    form: JSON.parse(row.form) as Record<string, unknown>,
    details: publicContext(context, user, row, w),
    allowedEvents: allowed,
    blockedEvents: blocked,
    history: historyFor(caseHistory(deps, row.id, row.version), user, row),
  };
}

/**
 * The history as this user may read it; the one rule for the API, the portal and the workbench.
 * - Applicants see that expert review happened and what came of it, never who scored what: an
 *   expert's entries show the panel as actor, without score, opinion or note (API.md).
 * - Until every panellist has scored, an expert sees only their own score (independent review),
 *   told apart by user id, not by a display name two people may share.
 * The internal actor id never leaves this function.
 */
export function historyFor(history: HistoryEntry[], user: CurrentUser, row: CaseRow): HistoryEntry[] {
  const hideScores = user.role === 'expert' && !allScoresIn(row);
  return history.map(({ actorId, ...h }) => {
    if (user.role === 'applicant' && h.role === 'expert') return { ...h, actor: EXPERT_PANEL_ACTOR, comment: null, data: null };
    if (hideScores && h.type === 'expert.score' && actorId !== user.id) return { ...h, data: null, comment: null };
    return h;
  });
}

/** The workflow's context as details, without what the programme keeps from applicants (who
 *  prepared, the panel, the scores); experts see scores as the independent review allows. */
function publicContext(ctx: Record<string, unknown>, user: CurrentUser, row: CaseRow, w: Workflow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx)) {
    if (user.role === 'applicant' && w.staffOnly.includes(k)) continue;
    out[k] = w.panel && k === w.panel.scoresPath ? visibleScores(user, row) : v;
  }
  return out;
}
