import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';

export interface ProgrammeCard { code: string; name: Bilingual; summary: Bilingual; institution: Bilingual }

/** Chinese first, English alongside, whatever the reader's language. */
export const HomePage: FC<{ programmes: ProgrammeCard[]; signedIn: boolean }> = ({ programmes, signedIn }) => (
  <>
    <section class="card">
      <h1>加工贸易梯度转移重点承接地支持政策 <span class="en" lang="en">Support for processing-trade transfer</span></h1>
      <p>
        依据商务部、人力资源社会保障部、海关总署《关于促进加工贸易梯度转移重点承接地发展的指导意见》（商产发〔2011〕473号），
        中西部地区和东部欠发达地区承接加工贸易转移的企业可在线申请以下五项支持措施，并随时查看办理进度。
      </p>
      <p class="en" lang="en">
        Under the 2011 guiding opinions of MOFCOM, MOHRSS and the General Administration of Customs (商产发〔2011〕473号),
        enterprises moving processing trade into central and western China and less-developed eastern areas apply
        online for the five support measures below and follow every step of their case.
      </p>
      {signedIn ? null : (
        <p><a class="button" href="/register">企业注册 <span lang="en">Register your enterprise</span></a>{' '}
          <a class="button secondary" href="/login">登录 <span lang="en">Sign in</span></a></p>
      )}
    </section>
    <h2>五项支持措施 <span class="en" lang="en">The five programmes</span></h2>
    <div class="grid">
      {programmes.map((p) => (
        <article class="card" aria-labelledby={`p-${p.code}`}>
          <h3 id={`p-${p.code}`}>{p.name.zh}<br /><span class="en" lang="en">{p.name.en}</span></h3>
          <p>{p.summary.zh}</p>
          <p class="en" lang="en">{p.summary.en}</p>
          <p class="muted">办理机构 {p.institution.zh} · <span lang="en">{p.institution.en}</span></p>
          <p><a href={`/programmes/${p.code}`}>详情 <span lang="en">Details</span></a></p>
        </article>
      ))}
    </div>
  </>
);
