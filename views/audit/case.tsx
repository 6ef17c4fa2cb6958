import type { Child, FC } from 'hono/jsx';
import { beijingDate } from '../../workflows/display-format';
import { ShortHash } from '../components/short-hash';
import { formatSize } from '../components/documents';
import type { Locale } from '../i18n';
import { ChainCheck } from './desk';
import { TrailTable, type TrailRow } from './trail';

export interface AuditCaseView {
  id: number; reference: string; programme: string; applicant: string; creditCode: string; state: string;
  form: { label: string; value: string }[];
  documents: { kind: string; filename: string; size: number; sha256: string }[];
  decisions: { id: number; number: string; titleZh: string; titleEn: string; issuedAt: string; sha256: string; verificationCode: string; replacesId: number | null; replacedById: number | null }[];
}

/** One case, read-only: no form or button here changes anything. */
export const AuditCasePage: FC<{
  locale: Locale; c: AuditCaseView; timeline: Child; trail: TrailRow[]; trailNext: string | null;
}> = ({ locale, c, timeline, trail, trailNext }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{c.reference}</h1>
      <p><a href="/audit">{zh ? '返回审计工作台' : 'Back to the audit desk'}</a> · <a class="button secondary" href={`/audit/cases/${c.id}/case-file.pdf`} download>{zh ? '下载案卷（PDF）' : 'Download the case file (PDF)'}</a></p>
      <section class="card">
        <dl class="facts">
          <dt>{zh ? '支持项目' : 'Programme'}</dt><dd>{c.programme}</dd>
          <dt>{zh ? '申请人' : 'Applicant'}</dt><dd>{c.applicant} ({c.creditCode})</dd>
          <dt>{zh ? '状态' : 'State'}</dt><dd><span class="state">{c.state}</span></dd>
        </dl>
      </section>
      <h2>{zh ? '决定书' : 'Decisions'}</h2>
      {c.decisions.length === 0 ? <p class="muted">{zh ? '尚无决定。' : 'No decision yet.'}</p> : (
        <table>
          <thead><tr><th>{zh ? '编号' : 'Number'}</th><th>{zh ? '决定' : 'Decision'}</th><th>{zh ? '日期' : 'Issued'}</th><th>SHA-256</th><th></th></tr></thead>
          <tbody>{c.decisions.map((d) => (
            <tr>
              <td><a href={`/decisions/${d.id}`}>{d.number}</a>{d.replacedById ? <span class="muted"> {zh ? '（已更正）' : '(corrected)'}</span> : null}{d.replacesId ? <span class="muted"> {zh ? '（更正决定）' : '(correction)'}</span> : null}</td>
              <td>{d.titleZh} / {d.titleEn}</td><td><time datetime={d.issuedAt}>{beijingDate(d.issuedAt)}</time></td><td><ShortHash value={d.sha256} /></td>
              <td><a href={`/decisions/${d.id}.pdf`} download>PDF</a> · <a href={`/verify/${d.verificationCode}`}>{zh ? '核验' : 'Verify'}</a></td>
            </tr>))}
          </tbody>
        </table>
      )}
      <h2>{zh ? '办理记录' : 'Timeline'}</h2>
      {timeline}
      <h2>{zh ? '申请表' : 'Application form'}</h2>
      <table><tbody>{c.form.map((r) => <tr><th scope="row">{r.label}</th><td class="pre-line">{r.value}</td></tr>)}</tbody></table>
      <h2>{zh ? '申请材料' : 'Documents'}</h2>
      {c.documents.length === 0 ? <p class="muted">{zh ? '无' : 'None'}</p> : (
        <table><thead><tr><th>{zh ? '类别' : 'Kind'}</th><th>{zh ? '文件名' : 'File'}</th><th>{zh ? '大小' : 'Size'}</th><th>SHA-256</th></tr></thead>
          <tbody>{c.documents.map((d) => <tr><td>{d.kind}</td><td>{d.filename}</td><td>{formatSize(d.size)}</td><td><ShortHash value={d.sha256} /></td></tr>)}</tbody></table>
      )}
      <h2>{zh ? '本案审计记录' : 'Audit trail of this case'}</h2>
      <ChainCheck locale={locale} />
      <TrailTable locale={locale} rows={trail} nextHref={trailNext} />
    </>
  );
};
