// The history of a case, oldest first: who did what, when, from which state to which, and why.
// Pure: takes the entries as caseHistory returns them and the workflow's labels.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { beijingDateTime } from '../../workflows/display-format';
import { actorName, eventLabel, roleInProgramme } from '../../workflows/labels';
import type { Locale } from '../i18n';
import { NoteList, type NoteItem } from './note-list';

/** One entry as caseHistory (src/domain/cases/case-view.ts) returns it. */
export interface TimelineEntry {
  at: string;
  actor: string;
  role: string;
  type: string;
  from: string | null;
  to: string | null;
  comment: string | null;
  version?: number | null;
  /** What the step carried (reasons, notes, amounts), labelled; staff pages only. */
  notes?: NoteItem[];
}

/** What the timeline needs of a Workflow. */
export interface TimelineWorkflow {
  /** The programme, whose institutions name the roles of who acted. */
  code?: string;
  events: { type: string; label: Bilingual }[];
  stateLabels: Record<string, Bilingual>;
}

/** Where the older entries of a paged history come from: an htmx fragment, or the whole history without script. */
export interface OlderEntries { url: string; fallback: string }

/**
 * The entries as list items; where older ones exist, an item that fetches them in its place
 * (htmx), so a long history is read and rendered a page at a time. Also the htmx fragment.
 */
export const TimelineItems: FC<{ entries: TimelineEntry[]; workflow: TimelineWorkflow; locale: Locale; newestFirst?: boolean; older?: OlderEntries | null }> = ({ entries, workflow, locale, newestFirst, older }) => {
  const state = (k: string | null) => (k ? workflow.stateLabels[k]?.[locale] ?? '—' : '—');
  const what = (type: string) => workflow.events.find((e) => e.type === type)?.label[locale]
    ?? eventLabel(type)[locale];
  const list = newestFirst ? [...entries].reverse() : entries;
  const more = older ? (
    <li class="more" data-older>
      <a href={older.fallback} hx-get={older.url} hx-target="closest li" hx-swap="outerHTML">{locale === 'zh' ? '显示更早的记录' : 'Show older entries'}</a>
    </li>
  ) : null;
  return (
    <>
      {newestFirst ? null : more}
      {list.map((e) => (
        <li data-event={e.type}>
          <p class="when"><time datetime={e.at}>{beijingDateTime(e.at)}</time></p>
          <p class="what">
            <strong>{what(e.type)}</strong>
            {e.to && e.from !== e.to ? <span class="move"> · {state(e.from)} → <span class="state">{state(e.to)}</span></span> : null}
          </p>
          <p class="who">{actorName(e.actor, locale)} <span class="muted">({roleInProgramme(e.role, workflow.code)[locale]})</span></p>
          {e.notes?.length ? <NoteList notes={e.notes} locale={locale} /> : null}
          {e.comment ? <blockquote class="comment">{e.comment}</blockquote> : null}
        </li>
      ))}
      {newestFirst ? more : null}
    </>
  );
};

export const Timeline: FC<{ entries: TimelineEntry[]; workflow: TimelineWorkflow; locale: Locale; newestFirst?: boolean; older?: OlderEntries | null }> = (props) => {
  if (props.entries.length === 0) return <p class="muted">{props.locale === 'zh' ? '尚无记录。' : 'Nothing has happened yet.'}</p>;
  return <ol class="timeline"><TimelineItems {...props} /></ol>;
};
