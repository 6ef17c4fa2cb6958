// The programmes: what each gives, who decides, what it asks for, and whether the
// signed-in enterprise looks eligible (the facts are computed by the route, not here).
import type { FC } from 'hono/jsx';
import { beijingDateTime } from '../../workflows/display-format';
import { institutionLabel } from '../../workflows/labels';
import type { Bilingual, DocumentKind } from '../../workflows/types';
import { WorkflowDiagram, type DiagramWorkflow } from '../components/workflow-diagram';
import type { Locale } from '../i18n';

/** The deciding institution's name, from the one registry (an unknown code shows as itself). */
const institutionName = (code: string, locale: Locale) => institutionLabel(code)[locale];

export interface ProgrammeCard { code: string; name: Bilingual; summary: Bilingual; institution: string; documents: DocumentKind[] }
export interface EligibilityCheck { ok: boolean; label: Bilingual; detail: Bilingual }

const EligibilityList: FC<{ checks: EligibilityCheck[]; locale: Locale }> = ({ checks, locale }) => (
  <ul class="eligibility">
    {checks.map((c) => (
      <li class={c.ok ? 'ok' : 'error'}>
        <strong>{c.ok ? '✓ ' : '✗ '}{c.label[locale]}</strong>：{c.detail[locale]}
      </li>
    ))}
  </ul>
);

export const ProgrammeListPage: FC<{ programmes: ProgrammeCard[]; checks: EligibilityCheck[] | null; locale: Locale }> = ({ programmes, checks, locale }) => (
  <>
    <h1>{locale === 'zh' ? '支持项目' : 'Support programmes'}</h1>
    <p>{locale === 'zh'
      ? '依据商产发〔2011〕473号，对中西部地区和东部欠发达地区承接加工贸易梯度转移给予以下支持。'
      : 'Under 商产发〔2011〕473号, processing trade moving to central and western China and less-developed eastern areas can receive the following support.'}</p>
    {checks ? (
      <section class="card" aria-labelledby="elig-h">
        <h2 id="elig-h">{locale === 'zh' ? '贵企业是否符合条件' : 'Does your enterprise look eligible?'}</h2>
        <EligibilityList checks={checks} locale={locale} />
      </section>
    ) : null}
    <div class="grid">
      {programmes.map((p) => (
        <article class="card programme">
          <h2><a href={`/programmes/${p.code}`}>{p.name[locale]}</a></h2>
          <p>{p.summary[locale]}</p>
          <p class="muted">{locale === 'zh' ? '决定机构：' : 'Decided by: '}{institutionName(p.institution, locale)}</p>
        </article>
      ))}
    </div>
  </>
);

export const ProgrammePage: FC<{
  programme: ProgrammeCard & DiagramWorkflow; checks: EligibilityCheck[] | null; canApply: boolean; csrfToken: string | null; locale: Locale;
  /** The enterprise's unsubmitted drafts of this programme, offered before a new one. */
  drafts?: { id: number; reference: string; updatedAt: string }[];
}> = ({ programme: p, checks, canApply, csrfToken, locale, drafts }) => (
  <>
    <p><a href="/programmes">{locale === 'zh' ? '← 全部支持项目' : '← All programmes'}</a></p>
    <h1>{p.name[locale]}</h1>
    <dl class="facts">
      <dt>{locale === 'zh' ? '提供什么' : 'What it gives'}</dt><dd>{p.summary[locale]}</dd>
      <dt>{locale === 'zh' ? '决定机构' : 'Who decides'}</dt><dd>{institutionName(p.institution, locale)}</dd>
    </dl>
    <h2>{locale === 'zh' ? '所需材料' : 'Documents needed'}</h2>
    <ul>
      {p.documents.map((d) => <li>{d.label[locale]}{d.required ? (locale === 'zh' ? '（必需）' : ' (required)') : (locale === 'zh' ? '（可选）' : ' (optional)')}</li>)}
    </ul>
    {checks ? (
      <section aria-labelledby="elig-h">
        <h2 id="elig-h">{locale === 'zh' ? '贵企业是否符合条件' : 'Does your enterprise look eligible?'}</h2>
        <EligibilityList checks={checks} locale={locale} />
      </section>
    ) : null}
    {canApply ? (
      <form method="post" action={`/programmes/${p.code}/apply`} class="card">
        {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
        {drafts && drafts.length ? (
          <div class="drafts" data-drafts>
            <p><strong>{locale === 'zh' ? '贵企业已有本项目尚未提交的申请草稿：' : 'Your enterprise already has an unsubmitted draft for this programme:'}</strong></p>
            <ul>{drafts.map((d) => <li><a href={`/portal/cases/${d.id}/form`}>{locale === 'zh' ? `继续填写 ${d.reference}` : `Continue ${d.reference}`}</a> <span class="muted">{locale === 'zh' ? `（最近保存 ${beijingDateTime(d.updatedAt)}）` : `(last saved ${beijingDateTime(d.updatedAt)})`}</span></li>)}</ul>
          </div>
        ) : null}
        <p>{locale === 'zh' ? '申请表会在填写时自动保存为草稿，材料齐全后即可提交。' : 'The form is saved as a draft as you type; submit it once it is complete and the documents are attached.'}</p>
        <button type="submit" class={drafts && drafts.length ? 'secondary' : undefined}>{drafts && drafts.length ? (locale === 'zh' ? '另起一份新申请' : 'Start another application') : (locale === 'zh' ? '开始申请' : 'Start an application')}</button>
      </form>
    ) : (
      <p class="muted">{locale === 'zh' ? '企业申请人登录后可在线申请。' : 'Applicants can apply online once signed in.'} <a href={`/login?next=/programmes/${p.code}`}>{locale === 'zh' ? '登录' : 'Sign in'}</a></p>
    )}
    <h2>{locale === 'zh' ? '办理流程' : 'How the case proceeds'}</h2>
    <WorkflowDiagram workflow={p} locale={locale} idPrefix="prog" />
  </>
);
