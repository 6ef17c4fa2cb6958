import type { FC } from 'hono/jsx';
import { beijingDate } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface VerifiedView {
  number: string; outcome: string; titleZh: string; titleEn: string; applicant: string; creditCode: string;
  issuedAt: string; sha256: string; institutionZh: string; institutionEn: string; caseReference: string;
  replacesNumber: string | null; replacedByNumber: string | null;
}


/** Public verification: genuine or not, and what the holder of a letter can compare. */
export const VerifyPage: FC<{ locale: Locale; code: string; decision: VerifiedView | null }> = ({ locale, code, decision: d }) => {
  const zh = locale === 'zh';
  if (!d) {
    return (
      <section class="card" aria-labelledby="verify-title">
        <h1 id="verify-title">{zh ? '核验失败：不是真实的决定书' : 'Not genuine'}</h1>
        <p role="alert" class="alert error" data-verify="not-genuine">
          {zh ? `核验码 ${code} 不属于本系统作出的任何决定书。持有此核验码的文件不是真实的决定书。`
            : `The code ${code} does not belong to any decision issued by this system. A document bearing it is not a genuine decision letter.`}
        </p>
        <p class="muted">{zh ? '请核对核验码的每个字符（不含 0、O、1、I、L）。' : 'Check each character of the code (it never contains 0, O, 1, I or L).'}</p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="verify-title">
      <h1 id="verify-title">{zh ? '核验通过：真实的决定书' : 'Genuine decision letter'}</h1>
      <p class="alert ok" role="status" data-verify="genuine">
        {zh ? `核验码 ${code} 属于以下决定书。请将文件内容及其 SHA-256 与下列信息比对。`
          : `The code ${code} belongs to the decision below. Compare the document and its SHA-256 with these details.`}
      </p>
      {d.replacedByNumber ? (
        <p class="alert error" role="alert">
          {zh ? `此决定已被第 ${d.replacedByNumber} 号决定更正并取代。` : `This decision has been corrected and replaced by decision ${d.replacedByNumber}.`}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{zh ? '决定书编号' : 'Number'}</dt><dd data-field="number">{d.number}</dd>
        <dt>{zh ? '决定' : 'Decision'}</dt><dd data-field="outcome">{d.titleZh} / {d.titleEn} ({d.outcome})</dd>
        <dt>{zh ? '申请人' : 'Applicant'}</dt><dd data-field="applicant">{d.applicant} ({d.creditCode})</dd>
        <dt>{zh ? '作出机构' : 'Issued by'}</dt><dd>{zh ? d.institutionZh : d.institutionEn}</dd>
        <dt>{zh ? '日期' : 'Date'}</dt><dd data-field="date"><time datetime={d.issuedAt}>{beijingDate(d.issuedAt)}</time></dd>
        <dt>{zh ? '案件编号' : 'Case'}</dt><dd>{d.caseReference}</dd>
        {d.replacesNumber ? <><dt>{zh ? '更正' : 'Corrects'}</dt><dd>{d.replacesNumber}</dd></> : null}
        <dt>SHA-256</dt><dd data-field="sha256"><code class="hash">{d.sha256}</code></dd>
      </dl>
      <p class="muted">{zh ? '在电脑上可用 sha256sum 或 certutil -hashfile 计算 PDF 文件的 SHA-256。'
        : 'Compute a PDF file’s SHA-256 with sha256sum (Linux, macOS) or certutil -hashfile (Windows).'}</p>
    </section>
  );
};
