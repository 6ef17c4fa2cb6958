import { and, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { cases, idempotencyKeys } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { enqueueWrite } from '../../db/group-commit';
import type { Actor, Workflow, WorkflowEvent } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import { toActor, type CurrentUser } from '../auth/current-user';
import { issueDecision } from '../decisions/issue-decision';
import { preparerOf } from '../decisions/preparer';
import { renderDecisionSoon } from '../decisions/render-decision';
import { iso, type Deps } from '../deps';
import { AppError, refusalError } from '../errors';
import { notifyEnterprise } from '../notifications/notify';
import { enqueueCaseEvent } from '../webhooks/enqueue-webhooks';
import { canSeeCase, canSendEvent } from '../policy';
import { requireReadable } from '../workbench/expert-review';
import { approvedOf, checkBudget, commitToBudget } from '../calls/commit-budget';
import { caseFacts } from './case-facts';
import { figuresJson } from './case-figures';
import { getCaseRow, restoreSnapshot, workflowOf, type CaseRow } from './load-case';
import { stateValueKey } from './state-key';

/** The events that hand in the application form: they carry it, and it becomes the case's form. */
const FORM_SUBMISSIONS: ReadonlySet<string> = new Set(['applicant.submit', 'applicant.resubmit']);

const SYSTEM_ACTOR: Actor = { id: 0, role: 'system', institution: null, enterpriseId: null, name: 'system' };

export interface EventRequest {
  caseId: number;
  type: string;
  data?: Record<string, unknown>;
  comment?: string;
  expectedVersion: number;
  idempotencyKey?: string;
}

export interface Applied { row: CaseRow; replay?: { status: number; body: string } }

/** An event that passed every check, with its next snapshot computed, ready to be written. */
interface Prepared {
  deps: Deps; row: CaseRow; w: Workflow; after: AnyMachineSnapshot; persisted: string; event: WorkflowEvent; actor: Actor;
  req: EventRequest; decision: ReturnType<Workflow['decision']>; now: Date; replyBody?: (row: CaseRow) => string; user: CurrentUser | null;
  /** How much the step adds to the approvals of the case's call (申报指南), at which field. */
  budget: { delta: number; field: string };
}

/**
 * Everything before the write: refusals in the order of API.md — 404 (not visible) → 409
 * (stale version) → 403 (role) → 422 (schema or guard) — and the pure XState transition.
 * Returns a replay instead when the Idempotency-Key was seen before.
 */
function prepareEvent(deps: Deps, user: CurrentUser | null, req: EventRequest, replyBody?: (row: CaseRow) => string): Prepared | Applied {
  const actor = user ? toActor(user) : SYSTEM_ACTOR;
  const row = getCaseRow(deps, req.caseId);
  if (!row || (user && !canSeeCase(user, row))) throw new AppError('NOT_FOUND', 'No such case.');

  if (user && req.idempotencyKey) {
    const seen = findIdempotent(deps, user.id, req.idempotencyKey);
    if (seen) {
      if (seen.caseId !== row.id) throw new AppError('UNPROCESSABLE', 'This Idempotency-Key was used for another case.');
      return { row, replay: { status: seen.status, body: seen.body } };
    }
  }
  if (row.version !== req.expectedVersion) throw conflict(row);

  const w = workflowOf(row);
  const spec = w.events.find((e) => e.type === req.type);
  if (!spec) throw new AppError('UNPROCESSABLE', `本项目没有“${req.type}”操作 / This programme has no event "${req.type}".`);
  const allowed = user ? canSendEvent(user, row, spec) : spec.roles.includes('system');
  if (!allowed) throw new AppError('FORBIDDEN', `您的角色不能执行此操作 / Your role may not send "${req.type}" on this case.`);
  if (user) requireReadable(deps, user, row); // an expert declares first; a conflict recuses (403)

  const before = restoreSnapshot(w, row);
  const now = deps.clock.now();
  const event: WorkflowEvent = { type: req.type, data: withCurrentForm(row, req.type, req.data ?? {}), comment: req.comment, actor, facts: caseFacts(deps, row, now) };
  const reason = w.refusal(before, event);
  // A rule that names the field it concerns is reported like a validation error of that field.
  if (reason) throw refusalError(reason);
  const [after] = transition(w.machine, before, event) as [AnyMachineSnapshot, unknown];
  const persisted = JSON.stringify(w.machine.getPersistedSnapshot(after));
  if (persisted === row.snapshot) throw new AppError('UNPROCESSABLE', '此操作未被流程接受 / The workflow did not accept this step now.');
  const budget = { delta: approvedOf(w.figures(after.context)) - approvedOf(w.figures(before.context)), field: spec.amountField ?? 'amount' };
  checkBudget(deps.db, row.callId, budget.delta, budget.field);
  return { deps, row, w, after, persisted, event, actor, req, decision: w.decision(before, after, event), now, replyBody, user, budget };
}

/**
 * Every check applyEvent makes, without writing: what the step would decide. The pages use it to
 * ask for confirmation of an irreversible step only when the step would be accepted.
 */
export function previewEvent(deps: Deps, user: CurrentUser, req: EventRequest): { decision: ReturnType<Workflow['decision']> } {
  const p = prepareEvent(deps, user, { ...req, idempotencyKey: undefined });
  return { decision: 'w' in p ? p.decision : null };
}

/** The same key sent twice at once: the loser of the compare-and-swap replays the winner's answer. */
function replayAfterConflict(p: Prepared, err: unknown): Applied {
  const seen = p.user && p.req.idempotencyKey && err instanceof AppError && err.code === 'VERSION_CONFLICT'
    ? findIdempotent(p.deps, p.user.id, p.req.idempotencyKey) : undefined;
  if (seen && seen.caseId === p.row.id) return { row: getCaseRow(p.deps, p.row.id)!, replay: { status: seen.status, body: seen.body } };
  throw err;
}

function afterCommit(p: Prepared, result: { row: CaseRow; decisionId: number | null }): Applied {
  if (result.decisionId) renderDecisionSoon(p.deps, result.decisionId);
  return { row: result.row };
}

/**
 * One step of a case: checks, then snapshot, version + 1 and the audit row written in one
 * IMMEDIATE transaction with a compare-and-swap on the version. `user` is null for the
 * scheduler's timed events.
 */
export function applyEvent(deps: Deps, user: CurrentUser | null, req: EventRequest, replyBody?: (row: CaseRow) => string): Applied {
  const p = prepareEvent(deps, user, req, replyBody);
  if (!('w' in p)) return p;
  try {
    return afterCommit(p, writeTx(deps.db, (tx) => commitStep(tx, p)));
  } catch (err) {
    return replayAfterConflict(p, err);
  }
}

/**
 * The same step for request handlers under load: the write joins the group commit of this
 * turn of the event loop (src/db/group-commit.ts); it resolves once the COMMIT is durable.
 */
export async function applyEventGrouped(deps: Deps, user: CurrentUser | null, req: EventRequest, replyBody?: (row: CaseRow) => string): Promise<Applied> {
  const p = prepareEvent(deps, user, req, replyBody);
  if (!('w' in p)) return p;
  try {
    return afterCommit(p, await enqueueWrite(deps.db, (tx) => commitStep(tx, p)));
  } catch (err) {
    return replayAfterConflict(p, err);
  }
}

function commitStep(tx: Deps['db'], s: Prepared): { row: CaseRow; decisionId: number | null } {
  const { row, w, after, actor, req, now } = s;
  const at = iso(now);
  const state = stateValueKey(after.value);
  const version = row.version + 1;
  const updated = casUpdate(tx).get({
    snapshot: s.persisted, figures: figuresJson(w, after.context), state, version, updatedAt: at,
    stateSince: state === row.state ? row.stateSince : at,
    // A draft withdrawn before submission was never submitted: it stays visible to its enterprise only.
    submittedAt: row.submittedAt ?? (state !== 'draft' && !w.isFinal(after) ? at : null),
    dueAt: w.nextDueAt(after), isFinal: w.isFinal(after) ? 1 : 0, id: row.id, expected: row.version,
  });
  // Another request took this version between our read and this write.
  if (!updated) throw conflict(getCaseRow(s.deps, row.id) ?? row);
  // The call's budget, checked again here, in this transaction: never over-committed (申报指南).
  commitToBudget(tx, row.callId, s.budget.delta, s.budget.field);
  // There is one form: a submission that carries a form (the API's data.form) makes it the case's
  // form, the one staff read, in the same transaction; an event never forks a second copy.
  const sentForm = req.data?.form;
  if (FORM_SUBMISSIONS.has(req.type) && sentForm && typeof sentForm === 'object' && JSON.stringify(sentForm) !== row.form) {
    updated.form = JSON.stringify(sentForm);
    tx.update(cases).set({ form: updated.form }).where(eq(cases.id, row.id)).run();
  }
  appendAudit(tx, {
    at, kind: 'event', caseId: row.id, actorId: actor.id || null, actorName: actor.name, actorRole: actor.role,
    type: req.type, fromState: row.state, toState: state, version, comment: req.comment ?? null, data: req.data ?? {},
  });
  enqueueCaseEvent(tx, { caseId: row.id, at, event: req.type, from: row.state, to: state, version });
  const decisionId = s.decision
    ? issueDecision(tx, { row: updated, spec: s.decision, actor, now, institution: w.institution, preparedBy: preparerOf(s.after.context, s.decision.outcome, actor.id) })
    : null;
  if (state !== row.state || s.decision) notifyEnterprise(tx, { caseRow: updated, stateLabel: w.stateLabels[state], decision: s.decision, actorId: actor.id, at });
  if (s.user && req.idempotencyKey) {
    tx.insert(idempotencyKeys).values({
      userId: s.user.id, key: req.idempotencyKey, caseId: row.id, status: 200,
      body: s.replyBody ? s.replyBody(updated) : '', createdAt: at,
    }).run();
  }
  return { row: updated, decisionId };
}

/**
 * The form is edited outside the workflow (draft autosave, amendments); a submission carries
 * the form as it is now, so the screening guards judge what was actually submitted.
 */
export function withCurrentForm(row: CaseRow, type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (FORM_SUBMISSIONS.has(type) && data.form === undefined) {
    return { ...data, form: JSON.parse(row.form) as Record<string, unknown> };
  }
  return data;
}

/** The compare-and-swap: the row changes only if its version is still the one we read. */
const ph = (name: string) => sql`${sql.placeholder(name)}`;
const casUpdate = (tx: Deps['db']) => preparedQuery(tx, 'case-cas-update', (db) => db.update(cases).set({
  snapshot: ph('snapshot'), figures: ph('figures'), state: ph('state'), version: ph('version'), updatedAt: ph('updatedAt'),
  stateSince: ph('stateSince'), submittedAt: ph('submittedAt'), dueAt: ph('dueAt'), isFinal: ph('isFinal'),
}).where(and(eq(cases.id, sql.placeholder('id')), eq(cases.version, sql.placeholder('expected')))).returning().prepare());

function findIdempotent(deps: Deps, userId: number, key: string) {
  return preparedQuery(deps.db, 'idempotency-key', (db) => db.select().from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, sql.placeholder('user')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare())
    .get({ user: userId, key });
}

function conflict(row: CaseRow): AppError {
  return new AppError('VERSION_CONFLICT',
    `案件已被他人更新（当前版本 ${row.version}）/ The case has changed: it is now at version ${row.version}, state ${row.state}.`,
    { currentVersion: row.version, state: row.state });
}
