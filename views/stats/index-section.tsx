// The evaluation index (政策 七.三): formula, weights (editable by an administrator), ranking chart.
import type { FC } from 'hono/jsx';
import { DIRECTION_LABEL, INDICATORS, type Weights } from '../../src/domain/stats/evaluation-index';
import { CsrfField } from '../components/fields';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);

export interface IndexSectionProps {
  locale: Locale;
  weights: Weights;
  canEdit: boolean;
  csrfToken: string | null;
  action: string;
  errors?: Record<string, string>;
  notice?: string;
}

export const IndexFormula: FC<IndexSectionProps> = ({ locale: l, weights, canEdit, csrfToken, action, errors, notice }) => {
  // Only an admin edits the weights: for anyone else the list is read-only, outside any form.
  // A list, not a table: the formulas are sentences, which a table column squeezes on a phone.
  const table = (
    <ol class="indicators">
      {INDICATORS.map((i) => (
        <li>
          <p>
            <strong>{canEdit ? <label for={`w-${i.code}`}>{i.label[l]}</label> : i.label[l]}</strong>
            {` · ${DIRECTION_LABEL[i.direction][l]} · ${T(l, '权重', 'weight')} `}
            {canEdit
              ? <input id={`w-${i.code}`} name={i.code} type="number" min="0" max="100" step="any" value={String(weights[i.code])} required aria-invalid={errors?.[i.code] ? 'true' : undefined} />
              : <strong>{String(weights[i.code])}</strong>}
          </p>
          <p class="hint">{T(l, '计算方法：', 'Formula: ')}{i.formula[l]}</p>
        </li>
      ))}
    </ol>
  );
  return (
  <section class="card" aria-labelledby="index-formula">
    <h2 id="index-formula">{T(l, '评价指数的计算方法（政策 七.三）', 'How the evaluation index is computed (policy 七.三)')}</h2>
    <p>{T(l,
      '指数比较各指定承接地取得的成效：迁入的加工贸易企业及其投资、核实的就业与培训、资金效率、环保把关、办理时效和追回资金。批准率和保险赔付不计入：前者奖励宽松审查，后者是损失。',
      'The index compares what each designated location achieved: processing-trade enterprises moved in and their investment, jobs and trainees verified, value for money, environmental screening, time to decision and clawbacks. Neither the approval rate (it would reward lax screening) nor insurance claims paid (they are losses) count.')}</p>
    <p>{T(l,
      '每项指标先在所比较的指定承接地之间做最小-最大归一化：“越多越好”的指标归一值 = (x − 最小值) ÷ (最大值 − 最小值)；“越少越好”的指标为 (最大值 − x) ÷ (最大值 − 最小值)；各地区相同时均为 1（“越多越好”的指标均为 0 时为 0）；无数值时为 0。',
      'Each indicator is first normalised across the designated locations compared (min-max): norm = (x − min) ÷ (max − min) where higher is better, (max − x) ÷ (max − min) where lower is better; 1 when all locations are equal (0 when all are at 0 where higher is better); 0 when a location has no value.')}</p>
    <p><strong>{T(l, '指数 = 100 × Σ(权重ᵢ × 归一值ᵢ) ÷ Σ权重ᵢ', 'Index = 100 × Σ(weightᵢ × normᵢ) ÷ Σ weightᵢ')}</strong></p>
    {notice ? <div class="alert ok" role="status">{notice}</div> : null}
    {errors && Object.keys(errors).length ? <div class="alert error" role="alert">{Object.values(errors).join(T(l, '；', '; '))}</div> : null}
    {canEdit ? <form method="post" action={action}><CsrfField token={csrfToken} />{table}<p><button type="submit">{T(l, '保存权重（记入审计日志）', 'Save the weights (recorded in the audit trail)')}</button></p></form> : table}
  </section>
  );
};
