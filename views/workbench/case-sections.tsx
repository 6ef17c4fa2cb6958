// The read-only sections of the staff case page: application, documents, workflow facts, expert
// panel and scores, internal comments.
import type { FC } from 'hono/jsx';
import type { Locale } from '../i18n';
import { beijingDateTime } from '../../workflows/display-format';
import { documentKindLabel } from '../../workflows/labels';
import { ShortHash } from '../components/short-hash';
import { FormSummary, type JsonSchema } from '../components/case-form';
import type { ShownFact } from '../../src/domain/cases/case-facts-shown';
import { L, day, yuan } from './text';

export const ApplicationSection: FC<{ form: Record<string, unknown>; schema: Record<string, unknown>; locale: Locale }> = ({ form, schema, locale }) => (
  <section class="card" aria-labelledby="h-app">
    <h2 id="h-app">{L(locale, '申请内容', 'Application')}</h2>
    <FormSummary schema={schema as JsonSchema} form={form} locale={locale} />
  </section>
);

export interface DocumentItem { id: number; kind: string; filename: string; size: number; sha256: string; uploadedAt: string }

export const DocumentsSection: FC<{ caseId: number; documents: DocumentItem[]; labels: Record<string, string>; locale: Locale }> = ({ caseId, documents, labels, locale }) => (
  <section class="card" aria-labelledby="h-docs">
    <h2 id="h-docs">{L(locale, '申请材料', 'Documents')}</h2>
    {documents.length === 0 ? <p class="muted">{L(locale, '暂无材料。', 'No documents.')}</p> : (
      <table>
        <thead><tr><th>{L(locale, '类别', 'Kind')}</th><th>{L(locale, '文件', 'File')}</th><th>{L(locale, '大小', 'Size')}</th><th>SHA-256</th><th>{L(locale, '上传时间', 'Uploaded')}</th></tr></thead>
        <tbody>
          {documents.map((d) => (
            <tr>
              <td>{labels[d.kind] ?? documentKindLabel(d.kind)[locale]}</td>
              <td><a href={`/workbench/cases/${caseId}/documents/${d.id}`}>{d.filename}</a></td>
              <td>{Math.ceil(d.size / 1024)} KB</td>
              <td><ShortHash value={d.sha256} /></td>
              <td>{beijingDateTime(d.uploadedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

/** The facts the programme declares worth a reviewer's eye; scores and panel have their own section. */
export const FactsSection: FC<{ facts: ShownFact[]; locale: Locale }> = ({ facts, locale }) => {
  if (facts.length === 0) return null;
  return (
    <section class="card" aria-labelledby="h-facts">
      <h2 id="h-facts">{L(locale, '办理情况', 'Where the case stands')}</h2>
      <dl class="facts">
        {facts.map((f) => <><dt>{L(locale, f.label.zh, f.label.en)}</dt><dd>{f.kind === 'yuan' ? yuan(Number(f.value)) : f.kind === 'date' ? day(String(f.value)) : String(f.value)}</dd></>)}
      </dl>
    </section>
  );
};

export interface PanelMember { id: number; name: string; conflicted: boolean; declared: boolean | null; scored: boolean }
export interface ScoreItem { expertId: number; score: number; opinion: string; at: string }

export const ExpertSection: FC<{ panel: PanelMember[]; scores: ScoreItem[]; scoresHidden: boolean; names: Record<number, string>; locale: Locale }> = ({ panel, scores, scoresHidden, names, locale }) => {
  if (panel.length === 0 && scores.length === 0) return null;
  const declared = (m: PanelMember) => (m.conflicted || m.declared === false ? L(locale, '利益冲突，须替换', 'Conflict: to be replaced')
    : m.declared ? L(locale, '已声明无冲突', 'Declared no conflict') : L(locale, '待声明', 'Declaration pending'));
  return (
    <section class="card" aria-labelledby="h-experts">
      <h2 id="h-experts">{L(locale, '专家评审', 'Expert review')}</h2>
      {panel.length ? (
        <ul class="panel">
          {panel.map((m) => <li data-expert={m.id}>{m.name} · <span class={m.conflicted || m.declared === false ? 'overdue' : 'muted'}>{declared(m)}</span>{m.scored ? ` · ${L(locale, '已评分', 'scored')}` : ''}</li>)}
        </ul>
      ) : null}
      {scores.length ? (
        <table>
          <thead><tr><th>{L(locale, '专家', 'Expert')}</th><th>{L(locale, '评分', 'Score')}</th><th>{L(locale, '意见', 'Opinion')}</th></tr></thead>
          <tbody>{scores.map((s) => <tr data-score={s.expertId}><td>{names[s.expertId] ?? `#${s.expertId}`}</td><td>{s.score}</td><td>{s.opinion}</td></tr>)}</tbody>
        </table>
      ) : null}
      {scoresHidden ? <p class="muted" id="scores-hidden">{L(locale, '其他专家的评分在全部专家评分后可见。', 'Other experts\u2019 scores are shown once every expert has scored.')}</p> : null}
    </section>
  );
};

export interface CommentItem { id: number; author: string; body: string; createdAt: string }

export const CommentsSection: FC<{ caseId: number; comments: CommentItem[]; canWrite: boolean; csrfToken: string | null; error?: string | null; locale: Locale }> = ({ caseId, comments, canWrite, csrfToken, error, locale }) => (
  <section class="card" id="comments" aria-labelledby="h-comments">
    <h2 id="h-comments">{L(locale, '内部意见', 'Internal comments')} <span class="muted">{L(locale, '（申请人不可见）', '(never shown to the applicant)')}</span></h2>
    {comments.length === 0 ? <p class="muted">{L(locale, '暂无内部意见。', 'No comments yet.')}</p> : (
      <ol class="comments">
        {comments.map((c) => <li data-comment={c.id}><p><strong>{c.author}</strong> <time class="muted" datetime={c.createdAt}>{beijingDateTime(c.createdAt)}</time></p><p>{c.body}</p></li>)}
      </ol>
    )}
    {canWrite ? (
      <form method="post" action={`/workbench/cases/${caseId}/comments`} hx-post={`/workbench/cases/${caseId}/comments`} hx-target="#comments" hx-swap="outerHTML">
        {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
        <label for="comment-body">{L(locale, '添加内部意见', 'Add an internal comment')}</label>
        <textarea id="comment-body" name="body" rows={3} maxlength={4000} required></textarea>
        {error ? <p class="field-error" role="alert">{error}</p> : null}
        <p><button type="submit" class="secondary">{L(locale, '保存意见', 'Save comment')}</button></p>
      </form>
    ) : null}
  </section>
);

export interface DecisionItem { id: number; number: string; titleZh: string; titleEn: string; issuedAt: string; verificationCode: string; pdfUrl: string }

export const DecisionsSection: FC<{ decisions: DecisionItem[]; locale: Locale }> = ({ decisions, locale }) => (decisions.length === 0 ? null : (
  <section class="card" aria-labelledby="h-decisions">
    <h2 id="h-decisions">{L(locale, '决定书', 'Decision letters')}</h2>
    <ul>
      {decisions.map((d) => (
        <li data-decision={d.number}><a href={d.pdfUrl}>{d.number} · {locale === 'zh' ? d.titleZh : d.titleEn}</a> <span class="muted">{beijingDateTime(d.issuedAt)} · {L(locale, '验证码', 'verification code')} {d.verificationCode}</span></li>
      ))}
    </ul>
  </section>
));

export interface ObjectionRow { id: number; name: string; contact: string; text: string; createdAt: string; outcome: 'upheld' | 'dismissed' | null; reasons: string | null }

/** Public objections to the notice; each must be resolved (upheld or dismissed) before approval. */
export const ObjectionsSection: FC<{ objections: ObjectionRow[]; locale: Locale }> = ({ objections, locale }) => (objections.length === 0 ? null : (
  <section class="card" aria-labelledby="h-objections" id="objections">
    <h2 id="h-objections">{L(locale, '公示异议', 'Objections to the public notice')}</h2>
    <ul>
      {objections.map((o) => (
        <li data-objection={String(o.id)}>
          <strong>#{o.id}</strong> {o.name}（{o.contact}）· {beijingDateTime(o.createdAt)}
          <p>{o.text}</p>
          <p class={o.outcome ? 'muted' : 'overdue'}>{o.outcome === 'upheld' ? L(locale, `异议成立：${o.reasons}`, `Upheld: ${o.reasons}`)
            : o.outcome === 'dismissed' ? L(locale, `已驳回：${o.reasons}`, `Dismissed: ${o.reasons}`)
            : L(locale, '待处理：批复前须处理', 'Open: to be resolved before approval')}</p>
        </li>
      ))}
    </ul>
  </section>
));
