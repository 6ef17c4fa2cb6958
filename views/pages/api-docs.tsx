import type { FC } from 'hono/jsx';
import type { Locale } from '../i18n';

type Json = Record<string, unknown>;

export interface DocsOperation {
  id: string; method: string; path: string; summaryZh: string; summaryEn: string; needsToken: boolean;
  parameters: { name: string; in: string; required: boolean; description: string; schema: Json }[];
  body: { type: string; schema: Json; examples: Record<string, unknown> } | null;
  responses: { status: string; description: string; schema: Json | null }[];
}
export interface DocsProgramme { code: string; title: string; form: Json; events: { type: string; title: string; roles: string[]; schema: Json }[] }
export interface DocsWebhook { type: string; summary: string; schema: Json }

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const ref = (s: Json | null) => (s && typeof s.$ref === 'string' ? s.$ref.split('/').pop() : null);

const Schema: FC<{ schema: Json; label: string }> = ({ schema, label }) => (
  ref(schema)
    ? <code>{ref(schema)}</code>
    : <details><summary>{label}</summary><pre class="json">{pretty(schema)}</pre></details>
);

/** The reference page of the JSON API, read from the OpenAPI document the server serves. */
export const ApiDocsPage: FC<{
  locale: Locale; operations: DocsOperation[]; programmes: DocsProgramme[]; webhooks: DocsWebhook[];
}> = ({ locale, operations, programmes, webhooks }) => {
  const zh = locale === 'zh';
  return (
    <article class="api-docs">
      <h1>{zh ? '接口参考' : 'API reference'} <span class="muted" lang={zh ? 'en' : 'zh'}>{zh ? 'API reference' : '接口参考'}</span></h1>
      <p><a href={zh ? '?lang=en' : '?lang=zh'} lang={zh ? 'en' : 'zh'}>{zh ? 'English' : '中文'}</a></p>
      <p>{zh
        ? '所有接口位于 /api/v1，请求和答复均为 JSON，用 Authorization: Bearer <令牌> 认证（令牌由 POST /api/v1/tokens 取得）。错误为 {"error":{"code","message"}}，并带相应的 HTTP 状态。机器可读的描述：'
        : 'Everything is under /api/v1, JSON in and out, authenticated with Authorization: Bearer <token> (from POST /api/v1/tokens). Errors are {"error":{"code","message"}} with the matching HTTP status. The machine-readable description: '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
      <nav aria-label={zh ? '目录' : 'Contents'}>
        <ul>
          {operations.map((o) => <li><a href={`#${o.id}`}><code>{o.method.toUpperCase()} {o.path}</code></a> {zh ? o.summaryZh : o.summaryEn}</li>)}
          <li><a href="#programmes">{zh ? '各项目的申请表和操作' : 'Forms and events of each programme'}</a></li>
          {webhooks.length ? <li><a href="#webhooks">{zh ? 'Webhook 推送' : 'Webhook deliveries'}</a></li> : null}
        </ul>
      </nav>
      {operations.map((o) => (
        <section class="card" id={o.id}>
          <h2><code>{o.method.toUpperCase()} /api/v1{o.path}</code></h2>
          <p>{zh ? o.summaryZh : o.summaryEn}<br /><span class="muted" lang={zh ? 'en' : 'zh'}>{zh ? o.summaryEn : o.summaryZh}</span></p>
          <p>{o.needsToken ? (zh ? '需要令牌。' : 'Needs a bearer token.') : (zh ? '无需令牌。' : 'No token needed.')}</p>
          {o.parameters.length ? (
            <table>
              <caption>{zh ? '参数' : 'Parameters'}</caption>
              <thead><tr><th scope="col">{zh ? '名称' : 'Name'}</th><th scope="col">{zh ? '位置' : 'In'}</th><th scope="col">{zh ? '必填' : 'Required'}</th><th scope="col">{zh ? '说明' : 'About'}</th></tr></thead>
              <tbody>{o.parameters.map((p) => (
                <tr><td><code>{p.name}</code></td><td>{p.in}</td><td>{p.required ? (zh ? '是' : 'yes') : (zh ? '否' : 'no')}</td><td>{p.description} <code>{pretty(p.schema)}</code></td></tr>
              ))}</tbody>
            </table>
          ) : null}
          {o.body ? (
            <div>
              <h3>{zh ? '请求体' : 'Body'} (<code>{o.body.type}</code>)</h3>
              <Schema schema={o.body.schema} label={zh ? 'JSON Schema' : 'JSON Schema'} />
              {Object.entries(o.body.examples).map(([name, v]) => (
                <details><summary>{zh ? '示例' : 'Example'}: {name}</summary><pre class="json">{pretty(v)}</pre></details>
              ))}
            </div>
          ) : null}
          <table>
            <caption>{zh ? '答复' : 'Answers'}</caption>
            <thead><tr><th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '含义' : 'Meaning'}</th><th scope="col">{zh ? '内容' : 'Content'}</th></tr></thead>
            <tbody>{o.responses.map((r) => (
              <tr><td>{r.status}</td><td>{r.description}</td><td>{r.schema ? <Schema schema={r.schema} label="JSON Schema" /> : '—'}</td></tr>
            ))}</tbody>
          </table>
        </section>
      ))}
      <section id="programmes">
        <h2>{zh ? '各项目的申请表和操作' : 'Forms and events of each programme'}</h2>
        {programmes.map((p) => (
          <section class="card" id={`programme-${p.code}`}>
            <h3>{p.title} <code>{p.code}</code></h3>
            <details><summary>{zh ? '申请表 JSON Schema' : 'Application form, JSON Schema'}</summary><pre class="json">{pretty(p.form)}</pre></details>
            <table>
              <caption>{zh ? '操作（POST /cases/{id}/events 的 type 与 data）' : 'Events (type and data of POST /cases/{id}/events)'}</caption>
              <thead><tr><th scope="col">type</th><th scope="col">{zh ? '名称' : 'Name'}</th><th scope="col">{zh ? '角色' : 'Roles'}</th><th scope="col">data</th></tr></thead>
              <tbody>{p.events.map((e) => (
                <tr><td><code>{e.type}</code></td><td>{e.title}</td><td>{e.roles.join(', ')}</td><td><Schema schema={e.schema} label="JSON Schema" /></td></tr>
              ))}</tbody>
            </table>
          </section>
        ))}
      </section>
      {webhooks.length ? (
        <section id="webhooks">
          <h2>{zh ? 'Webhook 推送' : 'Webhook deliveries'}</h2>
          {webhooks.map((w) => (
            <section class="card"><h3><code>{w.type}</code></h3><p>{w.summary}</p><Schema schema={w.schema} label="JSON Schema" /></section>
          ))}
        </section>
      ) : null}
    </article>
  );
};
