import type { FC } from 'hono/jsx';
import { beijingDate, yuan } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface VerifiedView {
  number: string; outcome: string; titleZh: string; titleEn: string; applicant: string; creditCode: string; amount: number | null;
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
        <dt>{zh ? '决定' : 'Decision'}</dt><dd data-field="outcome">{zh ? d.titleZh : d.titleEn}</dd>
        {d.amount !== null ? <><dt>{zh ? '金额' : 'Amount'}</dt><dd data-field="amount">{yuan(d.amount)}</dd></> : null}
        <dt>{zh ? '申请人' : 'Applicant'}</dt><dd data-field="applicant">{d.applicant} ({d.creditCode})</dd>
        <dt>{zh ? '作出机构' : 'Issued by'}</dt><dd data-field="institution">{zh ? d.institutionZh : d.institutionEn}</dd>
        <dt>{zh ? '日期' : 'Date'}</dt><dd data-field="date"><time datetime={d.issuedAt}>{beijingDate(d.issuedAt)}</time></dd>
        <dt>{zh ? '案件编号' : 'Case'}</dt><dd>{d.caseReference}</dd>
        {d.replacesNumber ? <><dt>{zh ? '更正' : 'Corrects'}</dt><dd>{d.replacesNumber}</dd></> : null}
        <dt>SHA-256</dt><dd data-field="sha256"><code class="hash wrap">{d.sha256}</code></dd>
      </dl>
      <p class="muted">{zh ? '在电脑上可用 sha256sum 或 certutil -hashfile 计算 PDF 文件的 SHA-256。'
        : 'Compute a PDF file’s SHA-256 with sha256sum (Linux, macOS) or certutil -hashfile (Windows).'}</p>
    </section>
  );
};

/** /verify without a code: where a bank or an official types the code printed on a letter. */
export const VerifyForm: FC<{ locale: Locale; code?: string; error?: string }> = ({ locale, code, error }) => {
  const zh = locale === 'zh';
  return (
    <section class="card" aria-labelledby="verify-title">
      <h1 id="verify-title">{zh ? '核验决定书' : 'Verify a decision letter'}</h1>
      <p>{zh ? '输入决定书上印制的核验码（16 位，如 ABCD-EFGH-JKMN-PQRS），即可查看该决定书是否真实及其主要内容。'
        : 'Type the verification code printed on the letter (16 characters, such as ABCD-EFGH-JKMN-PQRS) to see whether it is genuine and what it decided.'}</p>
      <form method="get" action="/verify" class="verify-form">
        <div class="field">
          <label for="verify-code">{zh ? '核验码' : 'Verification code'}</label>
          <input id="verify-code" type="text" name="code" required autocomplete="off" autocapitalize="characters" spellcheck={false}
            maxlength={24} value={code ?? ''} aria-invalid={error ? 'true' : undefined} aria-describedby="verify-code-err" />
          <p class="field-error" id="verify-code-err">{error ?? ''}</p>
        </div>
        <p><button type="submit">{zh ? '核验' : 'Verify'}</button></p>
      </form>
    </section>
  );
};
