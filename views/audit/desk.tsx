import type { Child, FC } from 'hono/jsx';
import { beijingDate, yuan } from '../../workflows/display-format';
import type { Locale } from '../i18n';
import { FilterSelect } from '../components/fields';

export interface Option { value: string; label: string }
export interface AuditCaseRow { id: number; reference: string; applicant: string; programme: string; state: string; amount: number | null; updatedAt: string }
export interface DeskFilter { programme?: string; state?: string; province?: string; industry?: string; from?: string; to?: string; q?: string }


/** The filter form: a plain GET form (bookmarkable), which htmx upgrades to refresh only the results. */
export const AuditFilterForm: FC<{ locale: Locale; f: DeskFilter; programmes: Option[]; states: Option[]; provinces: Option[]; industries: Option[] }> = ({ locale, f, programmes, states, provinces, industries }) => {
  const zh = locale === 'zh';
  const any = zh ? '全部' : 'Any';
  return (
    <form method="get" action="/audit" class="card filters" hx-get="/audit/results" hx-target="#audit-results" hx-swap="innerHTML"
      hx-trigger="change, submit" role="search">
      <FilterSelect name="programme" label={zh ? '支持项目' : 'Programme'} options={programmes} value={f.programme} any={any} />
      <FilterSelect name="state" label={zh ? '状态' : 'State'} options={states} value={f.state} any={any} />
      <FilterSelect name="province" label={zh ? '省份' : 'Province'} options={provinces} value={f.province} any={any} />
      <FilterSelect name="industry" label={zh ? '行业' : 'Industry'} options={industries} value={f.industry} any={any} />
      <div class="field"><label for="f-from">{zh ? '提交日期自' : 'Submitted from'}</label><input id="f-from" type="date" name="from" value={f.from ?? ''} /></div>
      <div class="field"><label for="f-to">{zh ? '至' : 'to'}</label><input id="f-to" type="date" name="to" value={f.to ?? ''} /></div>
      <div class="field"><label for="f-q">{zh ? '搜索（编号、企业名称、信用代码）' : 'Search (reference, enterprise, credit code)'}</label><input id="f-q" type="search" name="q" value={f.q ?? ''} /></div>
      <p><button type="submit">{zh ? '筛选' : 'Filter'}</button></p>
    </form>
  );
};

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 10_485_760 ? 2 : 1)} MB`;

/** The results of a filter: the cases, the next page, and the ZIP of their decisions with its size up front. */
export const AuditResults: FC<{ locale: Locale; rows: AuditCaseRow[]; nextHref: string | null; zipHref: string; zip: { count: number; bytes: number } }> = ({ locale, rows, nextHref, zipHref, zip }) => {
  const zh = locale === 'zh';
  return (
    <>
      <section class="card" aria-live="polite" id="zip-summary">
        <p data-zip-count={zip.count}>
          {zh ? `筛选结果共有 ${zip.count} 份决定书（约 ${mb(zip.bytes)}）。` : `The filtered cases hold ${zip.count} decisions (about ${mb(zip.bytes)}).`}
          {' '}{zip.count > 0 ? <a class="button secondary" href={zipHref} download>{zh ? '下载全部决定书（ZIP）' : 'Download all decisions (ZIP)'}</a> : null}
        </p>
        <p class="hint">{zh ? 'ZIP 边生成边下载，文件总大小已预先告知浏览器，下载进度即真实进度；尚未生成的决定书会先生成。'
          : 'The ZIP is streamed as it is built; its exact size is sent first, so the browser’s progress bar is the real progress. Letters not rendered yet are rendered first.'}</p>
      </section>
      {rows.length === 0 ? <p class="muted">{zh ? '没有符合条件的案件。' : 'No case matches.'}</p> : (
        <table>
          <thead><tr><th>{zh ? '编号' : 'Reference'}</th><th>{zh ? '申请人' : 'Applicant'}</th><th>{zh ? '项目' : 'Programme'}</th><th>{zh ? '状态' : 'State'}</th><th>{zh ? '金额' : 'Amount'}</th><th>{zh ? '更新' : 'Updated'}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr><td><a href={`/audit/cases/${r.id}`}>{r.reference}</a></td><td>{r.applicant}</td><td>{r.programme}</td>
                <td><span class="state">{r.state}</span></td><td>{yuan(r.amount)}</td>
                <td><time datetime={r.updatedAt}>{beijingDate(r.updatedAt)}</time></td></tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref ? <p><a href={nextHref}>{zh ? '下一页' : 'Next page'}</a></p> : null}
    </>
  );
};

export const AuditDesk: FC<{ locale: Locale; form: Child; results: Child; today: string }> = ({ locale, form, results, today }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{zh ? '审计工作台' : 'Audit desk'}</h1>
      <p class="muted">{zh ? '只读访问全部已提交案件。' : 'Read-only access to every submitted case.'}</p>
      <ChainCheck locale={locale} />
      <p><a href="/audit/trail">{zh ? '全系统审计记录' : 'System audit trail'}</a></p>
      <form method="get" action="/audit/trail.csv" class="card">
        <strong>{zh ? '导出审计记录（CSV）' : 'Export the audit trail (CSV)'}</strong>
        <div class="field"><label for="csv-from">{zh ? '开始日期' : 'From'}</label><input id="csv-from" type="date" name="from" required value={today} /></div>
        <div class="field"><label for="csv-to">{zh ? '结束日期' : 'To'}</label><input id="csv-to" type="date" name="to" required value={today} /></div>
        <p><button type="submit">{zh ? '导出' : 'Export'}</button></p>
      </form>
      {form}
      <div id="audit-results">{results}</div>
    </>
  );
};

/** The result of recomputing the whole hash chain, in words. */
export const ChainBanner: FC<{ locale: Locale; ok: boolean; checked: number; firstBadId: number | null }> = ({ locale, ok, checked, firstBadId }) => {
  const zh = locale === 'zh';
  return ok ? (
    <p class="alert ok" role="status" data-chain="ok">{zh ? `审计链校验通过：已重新计算全部 ${checked} 条记录的哈希。` : `Audit chain intact: all ${checked} rows rehashed and linked.`}</p>
  ) : (
    <p class="alert error" role="alert" data-chain="broken">{zh ? `审计链校验失败：第 ${firstBadId} 条记录与链不符（已检查 ${checked} 条）。` : `Audit chain BROKEN at row ${firstBadId} (${checked} rows checked).`}</p>
  );
};

/**
 * The chain check rehashes every row (about 1 s per 100,000 rows), so pages load first and
 * fetch the result at once; without JavaScript the link runs the same check.
 */
export const ChainCheck: FC<{ locale: Locale }> = ({ locale }) => (
  <div hx-get="/audit/chain" hx-trigger="load" hx-swap="outerHTML" aria-live="polite">
    <p class="alert" data-chain="checking">{locale === 'zh' ? '正在校验审计链…' : 'Checking the audit chain…'}{' '}
      <a href="/audit/chain">{locale === 'zh' ? '查看校验结果' : 'See the result'}</a></p>
  </div>
);
