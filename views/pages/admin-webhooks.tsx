import type { FC } from 'hono/jsx';
import { beijingDateTimeSeconds } from '../../workflows/display-format';
import { INSTITUTIONS, INSTITUTION_CODES } from '../../workflows/institutions';
import { deliveryStatusLabel, institutionLabel, webhookEventLabel, WEBHOOK_EVENT_LABELS } from '../../workflows/labels';
import { CsrfField, Field, FormError, SelectField, type FieldErrors } from '../components/fields';
import { t, type Locale } from '../i18n';

interface EndpointRow { id: number; institution: string; url: string; events: string[]; createdAt: string; failingSince: string | null }
interface DeliveryRow {
  id: string; type: string; caseId: number; createdAt: string; status: string; attempts: number;
  lastAttemptAt: string | null; lastStatus: number | null; lastError: string | null; nextAttemptAt: string | null;
}

interface Props {
  locale: Locale; csrfToken: string | null; endpoints: EndpointRow[];
  selected: EndpointRow | null; deliveries: DeliveryRow[];
  secret?: { id: number; secret: string } | null; values?: Record<string, string | string[]>; errors?: FieldErrors; error?: string | null; notice?: string | null;
}

/** Webhook endpoints of the institutions, their recent deliveries, and replay. */
export const AdminWebhooksPage: FC<Props> = ({ locale, csrfToken, endpoints, selected, deliveries, secret, values = {}, errors, error, notice }) => {
  const zh = locale === 'zh';
  const inst = (code: string) => t(locale, institutionLabel(code));
  const wanted = new Set(Array.isArray(values.events) ? values.events : values.events ? [values.events] : Object.keys(WEBHOOK_EVENT_LABELS));
  return (
    <>
      <h1>{zh ? '推送地址（Webhook）' : 'Webhooks'}</h1>
      <p><a href="/admin/users">{zh ? '用户管理' : 'Users'}</a> · <a href="/api/docs#webhooks">{zh ? '推送内容与签名说明' : 'What is delivered and how it is signed'}</a></p>
      {notice ? <div class="alert ok" role="status">{notice}</div> : null}
      {secret ? (
        <div class="alert ok" role="status">
          <p>{zh ? `推送地址 #${secret.id} 已登记。签名密钥只显示这一次，请立即交给接收系统保存：` : `Endpoint #${secret.id} registered. The signing secret is shown this once; give it to the receiving system now:`}</p>
          <p><code class="hash">{secret.secret}</code></p>
        </div>
      ) : null}
      <section class="card" aria-labelledby="new-hook">
        <h2 id="new-hook">{zh ? '登记推送地址' : 'Register an endpoint'}</h2>
        <FormError message={error} />
        <form method="post" action="/admin/webhooks" novalidate>
          <CsrfField token={csrfToken} />
          <Field name="url" type="url" label={zh ? '接收地址（https://…）' : 'Receiver URL (https://…)'} value={typeof values.url === 'string' ? values.url : ''} errors={errors} required />
          <SelectField name="institution" label={zh ? '机构（只推送该机构的案件）' : "Institution (only its cases are delivered)"} value={typeof values.institution === 'string' ? values.institution : ''} errors={errors} required
            placeholder="—" options={INSTITUTION_CODES.map((code) => ({ value: code, label: t(locale, INSTITUTIONS[code].name) }))} />
          <fieldset>
            <legend>{zh ? '需要推送的事件' : 'Events wanted'}</legend>
            {Object.entries(WEBHOOK_EVENT_LABELS).map(([type, label]) => (
              <label><input type="checkbox" name="events[]" value={type} checked={wanted.has(type)} /> {t(locale, label)}</label>
            ))}
            {errors?.events ? <p class="error">{errors.events}</p> : null}
          </fieldset>
          <p><button type="submit">{zh ? '登记' : 'Register'}</button></p>
        </form>
      </section>
      <section aria-labelledby="hooks">
        <h2 id="hooks">{zh ? '已登记的推送地址' : 'Registered endpoints'}</h2>
        {endpoints.length === 0 ? <p>{zh ? '尚无推送地址。' : 'No endpoints yet.'}</p> : (
          <table>
            <thead><tr><th scope="col">{zh ? '机构' : 'Institution'}</th><th scope="col">{zh ? '地址' : 'URL'}</th><th scope="col">{zh ? '事件' : 'Events'}</th>
              <th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '操作' : 'Actions'}</th></tr></thead>
            <tbody>{endpoints.map((e) => (
              <tr id={`endpoint-${e.id}`}>
                <td>{inst(e.institution)}</td><td class="hash">{e.url}</td>
                <td>{e.events.map((x) => t(locale, webhookEventLabel(x))).join('、')}</td>
                <td>{e.failingSince ? <span class="error">{zh ? `失败（自 ${beijingDateTimeSeconds(e.failingSince)} 起）` : `Failing since ${beijingDateTimeSeconds(e.failingSince)}`}</span> : (zh ? '正常' : 'Healthy')}</td>
                <td>
                  <a href={`/admin/webhooks?endpoint=${e.id}#deliveries`}>{zh ? '推送记录' : 'Deliveries'}</a>{' '}
                  <form method="post" action="/admin/webhooks/remove" class="inline">
                    <CsrfField token={csrfToken} /><input type="hidden" name="endpoint" value={String(e.id)} />
                    <button type="submit" class="danger">{zh ? '删除' : 'Remove'}</button>
                  </form>
                </td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      {selected ? (
        <section aria-labelledby="deliveries" id="deliveries">
          <h2>{zh ? `最近的推送：${selected.url}` : `Recent deliveries to ${selected.url}`}</h2>
          {deliveries.length === 0 ? <p>{zh ? '尚无推送。' : 'No deliveries yet.'}</p> : (
            <table>
              <caption class="muted">{zh ? '时间为北京时间' : 'Times are Beijing time'}</caption>
              <thead><tr><th scope="col">{zh ? '时间' : 'Time'}</th><th scope="col">{zh ? '事件' : 'Event'}</th><th scope="col">{zh ? '案件' : 'Case'}</th>
                <th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '尝试次数' : 'Attempts'}</th><th scope="col">{zh ? '答复状态码' : 'Response code'}</th>
                <th scope="col">{zh ? '推送编号' : 'Delivery id'}</th><th scope="col">{zh ? '操作' : 'Actions'}</th></tr></thead>
              <tbody>{deliveries.map((d) => (
                <tr>
                  <td>{beijingDateTimeSeconds(d.createdAt)}</td><td>{t(locale, webhookEventLabel(d.type))}</td>
                  <td><a href={`/workbench/cases/${d.caseId}`}>#{d.caseId}</a></td>
                  <td>{t(locale, deliveryStatusLabel(d.status))}
                    {d.status === 'pending' && d.nextAttemptAt && d.attempts ? <span class="muted">{zh ? `，下次 ${beijingDateTimeSeconds(d.nextAttemptAt)}` : `, next ${beijingDateTimeSeconds(d.nextAttemptAt)}`}</span> : null}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatus ?? (d.lastError ? (zh ? `无答复（${d.lastError}）` : `No answer (${d.lastError})`) : '—')}</td>
                  <td><code class="hash">{d.id}</code></td>
                  <td>
                    <form method="post" action="/admin/webhooks/replay" class="inline">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="endpoint" value={String(selected.id)} /><input type="hidden" name="delivery" value={d.id} />
                      <button type="submit" class="secondary">{zh ? '重发' : 'Replay'}</button>
                    </form>
                  </td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
};
