// The enterprise's cases, newest first, with state and last change.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { beijingDateTime } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface CaseListItem { id: number; reference: string; programmeName: Bilingual; stateLabel: Bilingual; state: string; updatedAt: string; dueAt: string | null; yourTurn: boolean }

export const PortalHome: FC<{ name: string; enterprise: string; cases: CaseListItem[]; locale: Locale }> = ({ name, enterprise, cases, locale }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{zh ? '我的申请' : 'My applications'}</h1>
      <p class="muted">{enterprise} · {name} · <a href="/portal/team">{zh ? '企业同事' : 'Colleagues'}</a></p>
      <p><a class="button" href="/programmes">{zh ? '申请支持项目' : 'Apply to a programme'}</a></p>
      {cases.length === 0 ? <p>{zh ? '暂无申请。' : 'No applications yet.'}</p> : (
        <table class="cases">
          <caption>{zh ? '本企业的全部案件' : "All of your enterprise's cases"}</caption>
          <thead><tr>
            <th scope="col">{zh ? '编号' : 'Reference'}</th>
            <th scope="col">{zh ? '项目' : 'Programme'}</th>
            <th scope="col">{zh ? '状态' : 'State'}</th>
            <th scope="col">{zh ? '最近变更' : 'Last change'}</th>
            <th scope="col">{zh ? '期限' : 'Deadline'}</th>
          </tr></thead>
          <tbody>
            {cases.map((c) => (
              <tr data-case={c.reference}>
                <th scope="row"><a href={`/portal/cases/${c.id}`}>{c.reference}</a></th>
                <td>{c.programmeName[locale]}</td>
                <td><span class="state">{c.stateLabel[locale]}</span>{c.yourTurn ? <strong class="overdue">{zh ? ' · 待您处理' : ' · your turn'}</strong> : null}</td>
                <td><time datetime={c.updatedAt}>{beijingDateTime(c.updatedAt)}</time></td>
                <td>{c.dueAt ? <time datetime={c.dueAt}>{beijingDateTime(c.dueAt)}</time> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
