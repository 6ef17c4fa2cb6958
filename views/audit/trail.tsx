import type { FC } from 'hono/jsx';
import { beijingDateTimeSeconds } from '../../workflows/display-format';
import { actorName, auditKindLabel, dataLines, eventLabel, roleLabel, stateLabel } from '../../workflows/labels';
import { ShortHash } from '../components/short-hash';
import type { Locale } from '../i18n';
import { ChainCheck } from './desk';

export interface TrailRow {
  id: number; at: string; kind: string; caseId: number | null; actor: string; role: string; type: string;
  from: string | null; to: string | null; comment: string | null; data: unknown; hash: string;
}

/** Rows of the audit chain, newest first, each with the start of its hash. */
export const TrailTable: FC<{ locale: Locale; rows: TrailRow[]; nextHref: string | null }> = ({ locale, rows, nextHref }) => {
  const zh = locale === 'zh';
  if (rows.length === 0) return <p class="muted">{zh ? '没有记录。' : 'No rows.'}</p>;
  return (
    <>
      <table class="trail">
        <thead><tr><th>#</th><th>{zh ? '时间（北京时间）' : 'Time (Beijing time)'}</th><th>{zh ? '类别' : 'Kind'}</th><th>{zh ? '事项' : 'Type'}</th><th>{zh ? '办理人' : 'Actor'}</th><th>{zh ? '案件' : 'Case'}</th><th>{zh ? '详情' : 'Details'}</th><th>{zh ? '哈希' : 'Hash'}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr data-kind={r.kind} data-type={r.type}>
              <td>{r.id}</td><td><time datetime={r.at}>{beijingDateTimeSeconds(r.at)}</time></td><td>{auditKindLabel(r.kind)[locale]}</td><td>{eventLabel(r.type)[locale]}</td>
              <td>{actorName(r.actor, locale)} <span class="muted">({roleLabel(r.role)[locale]})</span></td>
              <td>{r.caseId ? <a href={`/audit/cases/${r.caseId}`}>{r.caseId}</a> : '—'}</td>
              <td>{r.from || r.to ? <p>{stateLabel(r.from)[locale]} → {stateLabel(r.to)[locale]}</p> : null}{r.comment ? <p>{r.comment}</p> : null}
                {dataLines(r.data, locale).map((l) => <p class="muted">{l}</p>)}</td>
              <td><ShortHash value={r.hash} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextHref ? <p><a href={nextHref}>{zh ? '更早的记录' : 'Older rows'}</a></p> : null}
    </>
  );
};

export const TrailPage: FC<{ locale: Locale; rows: TrailRow[]; nextHref: string | null }> = ({ locale, rows, nextHref }) => (
  <>
    <h1>{locale === 'zh' ? '全系统审计记录' : 'System audit trail'}</h1>
    <p><a href="/audit">{locale === 'zh' ? '返回审计工作台' : 'Back to the audit desk'}</a></p>
    <ChainCheck locale={locale} />
    <TrailTable locale={locale} rows={rows} nextHref={nextHref} />
  </>
);
