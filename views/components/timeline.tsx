// The history of a case, oldest first: who did what, when, from which state to which, and why.
// Pure: takes the entries as caseHistory returns them and the workflow's labels.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { beijingDateTime } from '../../workflows/display-format';
import { ROLE_LABELS, type Locale } from '../i18n';

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
}

/** What the timeline needs of a Workflow. */
export interface TimelineWorkflow {
  events: { type: string; label: Bilingual }[];
  stateLabels: Record<string, Bilingual>;
}


const CREATED: Bilingual = { zh: '创建草稿', en: 'Draft created' };

export const Timeline: FC<{ entries: TimelineEntry[]; workflow: TimelineWorkflow; locale: Locale; newestFirst?: boolean }> = ({ entries, workflow, locale, newestFirst }) => {
  const state = (k: string | null) => (k ? workflow.stateLabels[k]?.[locale] ?? k : '—');
  const eventLabel = (type: string) => workflow.events.find((e) => e.type === type)?.label[locale]
    ?? (type === 'case.created' ? CREATED[locale] : type);
  const list = newestFirst ? [...entries].reverse() : entries;
  if (list.length === 0) return <p class="muted">{locale === 'zh' ? '尚无记录。' : 'Nothing has happened yet.'}</p>;
  return (
    <ol class="timeline">
      {list.map((e) => (
        <li data-event={e.type}>
          <p class="when"><time datetime={e.at}>{beijingDateTime(e.at)}</time></p>
          <p class="what">
            <strong>{eventLabel(e.type)}</strong>
            {e.to && e.from !== e.to ? <span class="move"> · {state(e.from)} → <span class="state">{state(e.to)}</span></span> : null}
          </p>
          <p class="who">{e.actor} <span class="muted">({ROLE_LABELS[e.role]?.[locale] ?? e.role})</span></p>
          {e.comment ? <blockquote class="comment">{e.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
};
