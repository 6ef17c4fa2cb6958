// The evaluation index (政策 七.三): formula, weights (editable by an administrator), ranking chart.
import type { FC } from 'hono/jsx';
import { INDICATORS, type Weights } from '../../src/domain/stats/evaluation-index';
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
  // Only an admin edits the weights: for anyone else the table is read-only, outside any form.
  const table = (
      <table>
        <thead><tr><th scope="col">{T(l, '指标', 'Indicator')}</th><th scope="col">{T(l, '计算', 'Formula')}</th><th scope="col">{T(l, '权重', 'Weight')}</th></tr></thead>
        <tbody>
          {INDICATORS.map((i) => (
            <tr>
              <th scope="row">{canEdit ? <label for={`w-${i.code}`}>{i.label[l]}</label> : i.label[l]}</th>
              <td>{i.formula[l]}</td>
              <td>{canEdit
                ? <input id={`w-${i.code}`} name={i.code} type="number" min="0" max="100" step="any" value={String(weights[i.code])} required aria-invalid={errors?.[i.code] ? 'true' : undefined} />
                : String(weights[i.code])}</td>
            </tr>
          ))}
        </tbody>
      </table>
  );
  return (
  <section class="card" aria-labelledby="index-formula">
    <h2 id="index-formula">{T(l, '评价指数的计算方法（政策 七.三）', 'How the evaluation index is computed (policy 七.三)')}</h2>
    <p>{T(l,
      '每项指标先在所比较的地区之间做最小-最大归一化：归一值 = (x − 最小值) ÷ (最大值 − 最小值)；“越少越好”的指标为 (最大值 − x) ÷ (最大值 − 最小值)；各地区相同时均为 1，无数据时为 0。',
      'Each indicator is first normalised across the locations compared (min-max): norm = (x − min) ÷ (max − min), or (max − x) ÷ (max − min) where fewer is better; 1 when all locations are equal, 0 when a location has no value.')}</p>
    <p><strong>{T(l, '指数 = 100 × Σ(权重ᵢ × 归一值ᵢ) ÷ Σ权重ᵢ', 'Index = 100 × Σ(weightᵢ × normᵢ) ÷ Σ weightᵢ')}</strong></p>
    {notice ? <div class="alert ok" role="status">{notice}</div> : null}
    {errors && Object.keys(errors).length ? <div class="alert error" role="alert">{Object.entries(errors).map(([k, v]) => `${INDICATORS.find((i) => i.code === k)?.label[l] ?? T(l, '权重', 'Weight')}${T(l, '：', ': ')}${v}`).join(T(l, '；', '; '))}</div> : null}
    {canEdit ? <form method="post" action={action}><CsrfField token={csrfToken} />{table}<p><button type="submit">{T(l, '保存权重（记入审计日志）', 'Save the weights (recorded in the audit trail)')}</button></p></form> : table}
  </section>
  );
};
