import type { FC } from 'hono/jsx';
import { CsrfField, FormError, type FieldErrors } from '../components/fields';
import { beijingDate, yuan } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface DecisionPageData {
  id: number; number: string; outcome: string; titleZh: string; titleEn: string; amount: number | null;
  conditions: string | null; reasons: string | null; issuedAt: string; sha256: string | null; verificationCode: string;
  caseReference: string; replaces: { id: number; number: string } | null; replacedBy: { id: number; number: string } | null;
  preparedBy: string | null; signedBy: string | null;
  /** A proposed correction waiting for a second person's signature. */
  pending: { id: number; proposedBy: string; proposedAt: string; amount: number | null; conditions: string | null; reasons: string } | null;
}

/** One decision: its facts, its place in a correction chain and, for its institution's staff, the correction form. */
export const DecisionPage: FC<{
  locale: Locale; d: DecisionPageData; canCorrect: boolean; canSign?: boolean; canWithdraw?: boolean; csrfToken: string | null;
  values?: Record<string, string>; errors?: FieldErrors; error?: string;
}> = ({ locale, d, canCorrect, canSign, canWithdraw, csrfToken, values = {}, errors = {}, error }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{zh ? '决定书' : 'Decision'} {d.number}</h1>
      <FormError message={error} />
      <section class="card">
        <dl class="facts">
          <dt>{zh ? '案件' : 'Case'}</dt><dd>{d.caseReference}</dd>
          <dt>{zh ? '决定' : 'Decision'}</dt><dd>{zh ? d.titleZh : d.titleEn}</dd>
          <dt>{zh ? '金额' : 'Amount'}</dt><dd>{yuan(d.amount)}</dd>
          <dt>{zh ? '条件' : 'Conditions'}</dt><dd>{d.conditions ?? '—'}</dd>
          <dt>{zh ? '理由' : 'Reasons'}</dt><dd>{d.reasons ?? '—'}</dd>
          <dt>{zh ? '日期' : 'Issued'}</dt><dd><time datetime={d.issuedAt}>{beijingDate(d.issuedAt)}</time></dd>
          <dt>{zh ? '拟稿' : 'Prepared by'}</dt><dd>{d.preparedBy ?? '—'}</dd>
          <dt>{zh ? '签发' : 'Signed by'}</dt><dd>{d.signedBy ?? '—'}</dd>
          <dt>{zh ? '核验码' : 'Verification code'}</dt><dd><a href={`/verify/${d.verificationCode}`}>{d.verificationCode}</a></dd>
          <dt>SHA-256</dt><dd><code class="hash">{d.sha256 ?? (zh ? '生成中' : 'being rendered')}</code></dd>
          {d.replaces ? <><dt>{zh ? '更正' : 'Corrects'}</dt><dd><a href={`/decisions/${d.replaces.id}`}>{d.replaces.number}</a></dd></> : null}
          {d.replacedBy ? <><dt>{zh ? '已被更正' : 'Corrected by'}</dt><dd><a href={`/decisions/${d.replacedBy.id}`}>{d.replacedBy.number}</a></dd></> : null}
        </dl>
        <p><a class="button" href={`/decisions/${d.id}.pdf`} download>{zh ? '下载 PDF' : 'Download PDF'}</a></p>
      </section>
      {d.pending ? (
        <section class="card" aria-labelledby="pending-title">
          <h2 id="pending-title">{zh ? '待签署的更正' : 'Correction awaiting a signature'}</h2>
          <p class="hint">{zh ? '更正须由提出人以外的另一名有权人员签署后才作为新决定发出。'
            : 'A correction is issued as a new decision only once someone other than its proposer, who may sign such decisions, signs it.'}</p>
          <dl class="facts">
            <dt>{zh ? '提出人' : 'Proposed by'}</dt><dd>{d.pending.proposedBy}</dd>
            <dt>{zh ? '更正后的金额' : 'Corrected amount'}</dt><dd>{d.pending.amount === null ? (zh ? '不变' : 'unchanged') : yuan(d.pending.amount)}</dd>
            <dt>{zh ? '更正后的条件' : 'Corrected conditions'}</dt><dd>{d.pending.conditions === null ? (zh ? '不变' : 'unchanged') : d.pending.conditions || '—'}</dd>
            <dt>{zh ? '更正理由' : 'Reasons'}</dt><dd>{d.pending.reasons}</dd>
          </dl>
          {canSign ? (
            <form method="post" action={`/decisions/corrections/${d.pending.id}/sign`}>
              <CsrfField token={csrfToken} />
              <p><button type="submit">{zh ? '签署并发出更正决定' : 'Sign and issue the correction'}</button></p>
            </form>
          ) : null}
          {canWithdraw ? (
            <form method="post" action={`/decisions/corrections/${d.pending.id}/withdraw`}>
              <CsrfField token={csrfToken} />
              <p><button type="submit" class="secondary">{zh ? '撤回此更正' : 'Withdraw this correction'}</button></p>
            </form>
          ) : null}
        </section>
      ) : null}
      {canCorrect && !d.replacedBy ? (
        <section class="card" aria-labelledby="correct-title">
          <h2 id="correct-title">{zh ? '更正此决定' : 'Correct this decision'}</h2>
          <p class="hint">{zh ? '原决定不会被修改。您提出的更正须由另一名有权人员签署后，才作为新决定书发出并注明所取代的决定。'
            : 'The original is never changed. What you propose is issued as a new decision naming the one it replaces only once another authorised person signs it.'}</p>
          <form method="post" action={`/decisions/${d.id}/corrections`}>
            <CsrfField token={csrfToken} />
            <label for="f-reasons">{zh ? '更正后的理由' : 'Corrected reasons'}</label>
            <textarea id="f-reasons" name="reasons" rows={4} required aria-invalid={errors.reasons ? 'true' : undefined}>{values.reasons ?? d.reasons ?? ''}</textarea>
            {errors.reasons ? <p class="field-error">{errors.reasons}</p> : null}
            <label for="f-amount">{zh ? '金额（元，留空则不变）' : 'Amount (CNY; blank keeps it)'}</label>
            <input id="f-amount" name="amount" inputmode="decimal" value={values.amount ?? ''} aria-invalid={errors.amount ? 'true' : undefined} />
            {errors.amount ? <p class="field-error">{errors.amount}</p> : null}
            <label for="f-conditions">{zh ? '条件' : 'Conditions'}</label>
            <textarea id="f-conditions" name="conditions" rows={2}>{values.conditions ?? d.conditions ?? ''}</textarea>
            <p><button type="submit">{zh ? '提出更正（待他人签署）' : 'Propose the correction (for another person to sign)'}</button></p>
          </form>
        </section>
      ) : null}
    </>
  );
};
