// The brief on the staff case page: what the preparers wrote since the case was last submitted,
// for whoever acts next (the approver reads the officer's recommendation and its reasons, the
// committee the due-diligence proposal, the second liaison what the first verified), and the
// expert scores once every panellist has scored.
import type { FC } from 'hono/jsx';
import type { CaseBrief } from '../../src/domain/workbench/case-brief';
import type { Workflow } from '../../workflows/types';
import { actorName, roleInProgramme } from '../../workflows/labels';
import type { Locale } from '../i18n';
import { NoteList } from '../components/note-list';
import { beijingDateTime } from '../../workflows/display-format';
import { L } from './text';

export const BriefSection: FC<{ brief: CaseBrief; names: Record<number, string>; workflow: Workflow; locale: Locale }> = ({ brief, names, workflow, locale }) => {
  if (brief.items.length === 0 && brief.scores.length === 0) return null;
  return (
    <section class="card brief" id="brief" aria-labelledby="h-brief">
      <h2 id="h-brief">{L(locale, '办理要点（供下一步办理人阅）', 'Brief for whoever acts next')}</h2>
      {brief.items.map((item) => (
        <article data-brief={item.type}>
          <h3>{item.label[locale]}</h3>
          <p class="muted">{actorName(item.actor, locale)}{L(locale, `（${roleInProgramme(item.role, workflow.code).zh}）`, ` (${roleInProgramme(item.role, workflow.code).en})`)} · <time datetime={item.at}>{beijingDateTime(item.at)}</time></p>
          <NoteList notes={item.fields} locale={locale} />
          {item.comment ? <blockquote class="comment">{item.comment}</blockquote> : null}
        </article>
      ))}
      {brief.scores.length ? (
        <article data-brief="scores">
          <h3>{L(locale, '专家评分', 'Expert scores')}{brief.average !== null ? ` · ${L(locale, '平均', 'average')} ${brief.average.toFixed(1)}` : ''}</h3>
          <ul>{brief.scores.map((s) => <li>{names[s.expertId] ?? L(locale, '评审专家', 'Expert')}：{s.score} — {s.opinion}</li>)}</ul>
        </article>
      ) : null}
    </section>
  );
};
