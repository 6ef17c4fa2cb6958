// Everything the staff case page shows, gathered in one place so the route stays a call and a
// render: the case, its documents, timeline, internal comments, expert review and the events.
import { shownFacts, type ShownFact } from '../cases/case-facts-shown';
import type { CurrentUser } from '../auth/current-user';
import { formJsonSchema, type FormJsonSchema } from '../cases/form-schema';
import { caseHistory, eventJsonSchema, eventsFor, historyFor, type AllowedEvent, type BlockedEvent, type HistoryEntry } from '../cases/case-view';
import { restoreSnapshot, storedContext, visibleCase, workflowOf, type CaseRow } from '../cases/load-case';
import type { FieldChoice, FieldHint, Workflow } from '../../../workflows/types';
import { caseBrief, withNotes, type CaseBrief, type NoteField } from './case-brief';
import type { Deps } from '../deps';
import { caseDecisionLinks, type DecisionLink } from '../decisions/list-case-decisions';
import { listDocuments, type DocumentRow } from '../documents/list-documents';
import { requireRole } from '../policy';
import {
  allScoresIn, declarationsFor, eligibleExperts, expertAccess, requireReadable, reviewContext, visibleScores, type ExpertAccess, type Score,
} from './expert-review';
import { historyCursor, historyPage, stepsTaken, type HistoryPage, type StepTaken } from '../cases/history-page';
import { listComments, type InternalComment } from './internal-comments';
import { caseTiming, type CaseTiming } from './case-timing';
import { caseObjections, type ObjectionItem } from '../notices/file-objection';

/** An allowed event as its form needs it: the figures of the case beside its fields, its choices, and whether it can be undone. */
type StaffEvent = AllowedEvent & { irreversible: boolean; hints: Record<string, FieldHint[]>; choices: Record<string, FieldChoice[]> };

/** How many of the latest steps the brief draws on. */
const BRIEF_WINDOW = 60;

export const WORKBENCH_ROLES: CurrentUser['role'][] = ['officer', 'expert', 'approver', 'finance', 'liaison', 'auditor'];

export interface StaffCase {
  row: CaseRow;
  access: ExpertAccess;
  readOnly: boolean;
  form: Record<string, unknown>;
  /** The facts the programme declares, with values (none until an expert has declared). */
  facts: ShownFact[];
  documents: DocumentRow[];
  /** The latest entries (or all, when asked), oldest first; `olderHistory` pages on (null: none older). */
  history: (HistoryEntry & { notes: NoteField[] })[];
  olderHistory: number | null;
  /** The steps the case took, for the workflow diagram's path. */
  path: StepTaken[];
  /** What the preparers wrote, for whoever acts next. */
  brief: CaseBrief;
  /** JSON Schema of the application form, for labels and choice names. */
  formSchema: FormJsonSchema;
  comments: InternalComment[];
  decisions: DecisionLink[];
  allowed: StaffEvent[];
  blocked: BlockedEvent[];
  panel: { id: number; name: string; conflicted: boolean; declared: boolean | null; scored: boolean }[];
  experts: { id: number; name: string; conflicted: boolean }[];
  scores: Score[];
  scoresHidden: boolean;
  timing: CaseTiming;
  /** Public objections to the notice (公示), each with how it was resolved, if it was. */
  objections: (ObjectionItem & { outcome: 'upheld' | 'dismissed' | null; reasons: string | null })[];
}

/** The case as the staff page shows it to this user; experts get only the declaration until they make it. */
export function staffCase(deps: Deps, user: CurrentUser, caseId: number, opts: { allHistory?: boolean } = {}): StaffCase {
  requireRole(user, ...WORKBENCH_ROLES);
  const row = visibleCase(deps, user, caseId);
  const access = expertAccess(deps, user, row);
  const readable = access === 'not-expert' || access === 'declared';
  const { panel, scores } = reviewContext(row);
  const experts = eligibleExperts(deps, row);
  const declarations = declarationsFor(deps, row.id);
  const events = readable ? withReassignment(eventsFor(deps, user, row), row, experts) : { allowed: [], blocked: [] };
  const hidden = user.role === 'expert' && !allScoresIn(row);
  const w = workflowOf(row);
  const names = Object.fromEntries(experts.map((e) => [e.id, e.name]));
  const history = !readable ? { entries: [], older: null } : opts.allHistory ? { entries: caseHistory(deps, row.id, row.version), older: null } : historyPage(deps, row.id);
  // The brief reads the latest steps (a bounded read, whatever the length of the history).
  const recent = !readable ? [] : opts.allHistory || history.older === null ? history.entries : historyPage(deps, row.id, undefined, BRIEF_WINDOW).entries;
  const seen = readable ? visibleScores(user, row) : [];
  return {
    row, access, readOnly: user.role === 'auditor',
    form: readable ? (JSON.parse(row.form) as Record<string, unknown>) : {},
    formSchema: formJsonSchema(w),
    facts: readable ? shownFacts(row) : [],
    documents: readable ? listDocuments(deps, row.id) : [],
    history: withNotes(w, historyFor(history.entries, user, row), names),
    olderHistory: history.older,
    path: readable ? stepsTaken(deps, row.id, row.version) : [],
    brief: caseBrief(w, historyFor(recent, user, row), seen, allScoresIn(row), names),
    comments: readable ? listComments(deps, row.id) : [],
    decisions: readable ? caseDecisionLinks(deps, row.id) : [],
    allowed: forForms(w, row, events.allowed), blocked: events.blocked,
    panel: panel.map((id) => {
      const d = declarations.find((x) => x.expertId === id);
      const e = experts.find((x) => x.id === id);
      return { id, name: e?.name ?? d?.name ?? `#${id}`, conflicted: e?.conflicted ?? false, declared: d ? !d.conflict : null, scored: scores.some((s) => s.expertId === id) };
    }),
    experts,
    scores: seen,
    scoresHidden: hidden && scores.length > visibleScores(user, row).length,
    timing: caseTiming(row, deps.clock.now()),
    objections: readable && user.role !== 'expert' ? withResolutions(caseObjections(deps, row.id), storedContext(row) as Record<string, unknown>) : [],
  };
}

/** Older entries of the case's history, for the timeline's "older entries" (same checks as the page). */
export function staffHistory(deps: Deps, user: CurrentUser, caseId: number, before: string | undefined): HistoryPage & { row: CaseRow } {
  requireRole(user, ...WORKBENCH_ROLES);
  const row = visibleCase(deps, user, caseId);
  requireReadable(deps, user, row);
  const page = historyPage(deps, row.id, historyCursor(before));
  const names = Object.fromEntries(eligibleExperts(deps, row).map((e) => [e.id, e.name]));
  return { row, entries: withNotes(workflowOf(row), historyFor(page.entries, user, row), names), older: page.older };
}

/** The allowed events with what their forms show besides the inputs (never a value for them). */
function forForms(w: Workflow, row: CaseRow, allowed: AllowedEvent[]): StaffEvent[] {
  if (allowed.length === 0) return [];
  const snapshot = restoreSnapshot(w, row);
  return allowed.map((e) => ({
    ...e,
    irreversible: w.events.find((s) => s.type === e.type)?.irreversible ?? false,
    hints: w.fieldHints(snapshot, e.type),
    choices: w.fieldChoices(snapshot, e.type),
  }));
}

/**
 * When an assigned expert declared a conflict, the workflow refuses the old panel as the example
 * of officer.assign-experts; the officer still needs the form to choose a replacement, so it is
 * offered with the experts who are free of conflict (the refusal stays listed as the reason).
 */
function withReassignment(ev: { allowed: AllowedEvent[]; blocked: BlockedEvent[] }, row: CaseRow, experts: { id: number; conflicted: boolean }[]) {
  const b = ev.blocked.find((x) => x.type === 'officer.assign-experts');
  const spec = b && workflowOf(row).events.find((e) => e.type === b.type);
  if (!b || !spec) return ev;
  const example = { expertIds: experts.filter((e) => !e.conflicted).map((e) => e.id).slice(0, 3) };
  return { allowed: [...ev.allowed, { type: b.type, label: b.label, labelEn: b.labelEn, schema: eventJsonSchema(spec), example }], blocked: ev.blocked };
}

function withResolutions(items: ObjectionItem[], context: Record<string, unknown>): StaffCase['objections'] {
  const resolutions = (context.objectionResolutions ?? []) as { objectionId: number; outcome: 'upheld' | 'dismissed'; reasons: string }[];
  return items.map((o) => {
    const r = resolutions.find((x) => x.objectionId === o.id);
    return { ...o, outcome: r?.outcome ?? null, reasons: r?.reasons ?? null };
  });
}
