// The applicant's side of a case before a reviewer sees it: opening a draft, saving the form
// as it is typed, and telling what still stands in the way of submission.
import { figuresJson } from './case-figures';
import { eq } from 'drizzle-orm';
import { getInitialSnapshot } from 'xstate';
import { z } from 'zod';
import { cases, enterprises } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { workflowFor } from '../../../workflows/index';
import type { Bilingual, Workflow } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import { toActor, type CurrentUser } from '../auth/current-user';
import { callForNewCase } from '../calls/calls';
import { iso, type Deps } from '../deps';
import { listDocuments } from '../documents/list-documents';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { caseFacts } from './case-facts';
import { caseReference } from './counters';
import { restoreSnapshot, visibleCase, workflowOf, type CaseRow } from './load-case';
import { stateValueKey } from './state-key';
import { issueMessages } from '../../../workflows/messages';
import { formCheckReasons } from '../../../workflows/form-checks';

export type FieldErrors = Record<string, string>;
export type Locale = 'zh' | 'en';

const inLocale = (messages: Record<string, Bilingual>, locale: Locale): FieldErrors =>
  Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, m[locale]]));

/** The event that sends the form on in this state: submit (draft) or resubmit (amendment). */
export function formEventOf(w: Workflow, row: CaseRow): 'applicant.submit' | 'applicant.resubmit' | null {
  if (row.isFinal) return null;
  const types = w.eventTypesIn(restoreSnapshot(w, row));
  if (types.includes('applicant.submit')) return 'applicant.submit';
  if (types.includes('applicant.resubmit')) return 'applicant.resubmit';
  return null;
}

/**
 * Per-field messages from the message catalogue: each field present is checked alone, so a
 * half-filled form gets no noise, and the rules relating fields (an amount within the order
 * value) are shown at their field as soon as the values they need are there.
 */
function fieldMessages(w: Workflow, form: Record<string, unknown>): Record<string, Bilingual> {
  const shape = w.formSchema.shape as Record<string, z.ZodType>;
  const errors: Record<string, Bilingual> = {};
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined) continue;
    const r = shape[key]?.safeParse(value);
    if (r && !r.success) Object.assign(errors, { ...issueMessages(w.formSchema, r.error.issues, form, [key]), ...errors });
  }
  for (const [k, m] of Object.entries(formCheckReasons(w.formChecks, form))) errors[k] ??= m;
  return errors;
}

export function fieldErrors(w: Workflow, form: Record<string, unknown>, locale: Locale = 'zh'): FieldErrors {
  return inLocale(fieldMessages(w, form), locale);
}

/** Everything the full schema still refuses (missing fields included), by dotted path, in the catalogue's words. */
function completenessMessages(w: Workflow, form: Record<string, unknown>): Record<string, Bilingual> {
  const r = w.formSchema.safeParse(form);
  const errors = r.success ? {} : issueMessages(w.formSchema, r.error.issues, form);
  // The schema skips its cross-field rules while fields are missing; the form shows them anyway.
  for (const [k, m] of Object.entries(formCheckReasons(w.formChecks, form))) errors[k] ??= m;
  return errors;
}

/** The enterprise's own facts, filled in where the programme's form asks for them. */
function prefill(w: Workflow, ent: typeof enterprises.$inferSelect): Record<string, unknown> {
  const shape = w.formSchema.shape as Record<string, z.ZodType>;
  const candidates: Record<string, unknown> = {
    province: ent.province, city: ent.city ?? undefined, industry: ent.industry,
    contact: { name: ent.contactName, phone: ent.contactPhone, email: ent.contactEmail },
  };
  return Object.fromEntries(Object.entries(candidates).filter(([k, v]) => v !== undefined && shape[k]?.safeParse(v).success));
}

/**
 * Opens an empty draft. Unlike createCase (the API, which takes a complete form) the pages
 * save the form as it is typed, so a draft starts with only what the enterprise record gives.
 */
export function startDraft(deps: Deps, user: CurrentUser, programme: string): CaseRow {
  requireRole(user, 'applicant');
  const w = workflowFor(programme);
  if (!w) throw new AppError('NOT_FOUND', 'No such programme.');
  const ent = deps.db.select().from(enterprises).where(eq(enterprises.id, user.enterpriseId ?? -1)).get();
  if (!ent) throw new AppError('FORBIDDEN', 'Your account is not linked to an enterprise.');
  const form = prefill(w, ent);
  const callId = callForNewCase(deps.db, w, deps.clock.now());
  const now = iso(deps.clock.now());
  const snapshot = getInitialSnapshot(w.machine, w.initialInput(form));
  const state = stateValueKey(snapshot.value);
  return writeTx(deps.db, (tx) => {
    const reference = caseReference(tx, w.referencePrefix, deps.clock.now().getUTCFullYear());
    const row = tx.insert(cases).values({
      reference, programmeCode: w.code, enterpriseId: ent.id, createdBy: user.id, state, callId,
      snapshot: JSON.stringify(w.machine.getPersistedSnapshot(snapshot)), figures: figuresJson(w, snapshot.context), machineVersion: w.version, version: 1,
      form: JSON.stringify(form), amount: null, province: ent.province, industry: ent.industry,
      enterpriseName: ent.name, creditCode: ent.creditCode, stateSince: now, createdAt: now, updatedAt: now,
    }).returning().get();
    appendAudit(tx, {
      at: now, kind: 'case', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'case.created', toState: state, version: 1, data: { reference, programme: w.code, via: 'portal' },
    });
    return row;
  });
}

const MAX_TEXT = 10_000;
/** Bounds what a draft may hold whatever the schema says, so autosave cannot store megabytes. */
function bounded(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return v.slice(0, MAX_TEXT);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (depth > 3) return undefined;
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => bounded(x, depth + 1));
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).slice(0, 50).map(([k, x]) => [k.slice(0, 50), bounded(x, depth + 1)]));
  return undefined;
}

/**
 * Saves the form of a draft or of a case returned for amendment. A draft is the enterprise's
 * alone, so everything typed is kept (no lost work); during amendment staff can read the form,
 * so only fields that pass their schema replace the submitted ones.
 */
export function updateDraft(deps: Deps, user: CurrentUser, caseId: number, input: Record<string, unknown>, locale: Locale = 'zh') {
  requireRole(user, 'applicant');
  const row = visibleCase(deps, user, caseId);
  const w = workflowOf(row);
  const event = formEventOf(w, row);
  if (!event) throw new AppError('UNPROCESSABLE', '此案件的申请表已不能修改 / The form of this case can no longer be changed.');
  const shape = w.formSchema.shape as Record<string, z.ZodType>;
  const incoming = Object.fromEntries(Object.entries(input).filter(([k]) => Object.hasOwn(shape, k)).map(([k, v]) => [k, bounded(v)]));
  const own = fieldErrors(w, incoming, locale);
  const kept = event === 'applicant.submit'
    ? incoming
    : Object.fromEntries(Object.entries(incoming).filter(([k]) => !Object.keys(own).some((e) => e === k || e.startsWith(`${k}.`))));
  const before = JSON.parse(row.form) as Record<string, unknown>;
  const form: Record<string, unknown> = { ...before, ...kept };
  for (const k of Object.keys(shape)) if (Object.hasOwn(input, k) && input[k] === undefined) delete form[k];
  // Rules relating two fields are judged on the whole form as it now stands.
  const errors = { ...inLocale(formCheckReasons(w.formChecks, form), locale), ...own };
  const changed = Object.keys(shape).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(form[k]));
  if (changed.length === 0) return { row, form, errors, changed };
  const now = iso(deps.clock.now());
  const saved = writeTx(deps.db, (tx) => {
    const amount = typeof form.requestedAmount === 'number' ? form.requestedAmount : null;
    const updated = tx.update(cases).set({ form: JSON.stringify(form), amount, updatedAt: now }).where(eq(cases.id, row.id)).returning().get();
    appendAudit(tx, {
      at: now, kind: 'case', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'form.saved', fromState: row.state, toState: row.state, data: { fields: changed },
    });
    return updated!;
  });
  return { row: saved, form, errors, changed };
}

/** Why the form cannot be sent on yet: missing or invalid fields, documents, policy guards. */
export function submissionBlockers(deps: Deps, user: CurrentUser, row: CaseRow): { event: string | null; reasons: Bilingual[]; missing: FieldErrors } {
  const w = workflowOf(row);
  const event = formEventOf(w, row);
  if (!event) return { event: null, reasons: [], missing: {} };
  const form = JSON.parse(row.form) as Record<string, unknown>;
  const messages = completenessMessages(w, form);
  const missing = inLocale(messages, 'zh');
  const reasons: Bilingual[] = [];
  const items = Object.values(messages);
  if (items.length) {
    // Each item by name, so the applicant knows what to change (the form shows it at the field).
    reasons.push({ zh: `申请表尚有 ${items.length} 项需填写或更正：`, en: `${items.length} item(s) of the form to fill in or correct:` });
    for (const m of items.slice(0, 8)) reasons.push({ zh: `申请表：${m.zh}`, en: `Form: ${m.en}` });
    if (items.length > 8) reasons.push({ zh: `以及其他 ${items.length - 8} 项`, en: `and ${items.length - 8} more` });
  }
  const have = new Set(listDocuments(deps, row.id).map((d) => d.kind));
  for (const d of w.documents) {
    if (d.required && !have.has(d.kind)) reasons.push({ zh: `缺少材料：${d.label.zh}`, en: `Missing document: ${d.label.en}` });
  }
  if (reasons.length === 0) {
    // The workflow's own guards (region, anything else) have the last word.
    const data = event === 'applicant.submit' ? { form } : { form, note: 'check' };
    const refusal = w.refusal(restoreSnapshot(w, row), { type: event, data, actor: toActor(user), facts: caseFacts(deps, row) });
    if (refusal) reasons.push(refusal);
  }
  return { event, reasons, missing };
}
