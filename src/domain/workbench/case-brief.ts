// What the preparers wrote, for whoever acts next: the latest entry of each step since the case
// was last (re)submitted, with every field it carried (notes, opinions, proposals, verified
// values, recommended amounts) labelled from the event's schema, and the history's notes. Expert
// scores join the brief only once every panellist has scored (independent review).
import type { Bilingual, FieldHint, Workflow } from '../../../workflows/types';
import { yuan } from '../../../workflows/display-format';
import { fieldLabelAt, isYuan } from '../../../workflows/messages';
import type { HistoryEntry } from '../cases/case-view';
import type { Score } from './expert-review';
import { eventLabel } from '../../../workflows/labels';

export interface NoteField { label: Bilingual; value: number | string; unit?: FieldHint['unit'] }
interface BriefItem { type: string; label: Bilingual; actor: string; role: string; at: string; fields: NoteField[]; comment: string | null }
export interface CaseBrief { items: BriefItem[]; scores: Score[]; average: number | null }

const ROUND_START = new Set(['applicant.submit', 'applicant.resubmit']);
/** Scores have their own part of the brief (shown once all are in); timed steps carry nothing written. */
const NOT_IN_BRIEF = (type: string) => type === 'expert.score' || type === 'applicant.submit' || type.startsWith('system.');


/** The data of one history entry as labelled fields (the application form itself is left out). */
export function entryFields(w: Workflow, entry: Pick<HistoryEntry, 'type' | 'data'>, names: Record<number, string> = {}): NoteField[] {
  const spec = w.events.find((e) => e.type === entry.type);
  const data = entry.data && typeof entry.data === 'object' ? entry.data as Record<string, unknown> : null;
  if (!spec || !data) return [];
  const out: NoteField[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'form' || value === undefined || value === null || value === '') continue;
    const label = fieldLabelAt(spec.schema, [key]);
    if (typeof value === 'number') out.push({ label, value, unit: isYuan(spec.schema, [key]) ? 'yuan' : 'count' });
    else if (typeof value === 'string') out.push({ label, value });
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
      out.push({ label, value: value.map((id) => names[id as number] ?? String(id)).join(key === 'expertIds' ? '、' : ', ') });
    } else if (Array.isArray(value)) {
      // Rows (a repayment schedule): each row's values, amounts grouped.
      out.push({ label, value: value.map((row) => Object.entries(row as Record<string, unknown>)
        .map(([k, v]) => (typeof v === 'number' && isYuan(spec.schema, [key, 0, k]) ? yuan(v) : String(v))).join(' ')).join('；') });
    }
  }
  return out;
}

/** The brief for the next actor: what was written since the case was last (re)submitted. */
export function caseBrief(w: Workflow, history: HistoryEntry[], scores: Score[], allScoresIn: boolean, names: Record<number, string>): CaseBrief {
  let start = 0;
  history.forEach((h, i) => { if (ROUND_START.has(h.type)) start = i; });
  const latest = new Map<string, BriefItem>();
  for (const h of history.slice(start)) {
    if (NOT_IN_BRIEF(h.type)) continue;
    const fields = entryFields(w, h, names);
    if (fields.length === 0 && !h.comment) continue;
    const spec = w.events.find((e) => e.type === h.type);
    latest.delete(h.type); // the latest of each step, in the order they happened
    latest.set(h.type, { type: h.type, label: spec?.label ?? eventLabel(h.type, w.code), actor: h.actor, role: h.role, at: h.at, fields, comment: h.comment });
  }
  const shown = allScoresIn ? scores : [];
  return { items: [...latest.values()], scores: shown, average: shown.length ? shown.reduce((t, s) => t + s.score, 0) / shown.length : null };
}

/** The history with each entry's written fields, for the timeline. */
export function withNotes<T extends HistoryEntry>(w: Workflow, history: T[], names: Record<number, string>): (T & { notes: NoteField[] })[] {
  return history.map((h) => ({ ...h, notes: entryFields(w, h, names) }));
}
