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

const ref = (s: Json | null) => (s && typeof s.$ref === 'string' ? s.$ref.split('/').pop() : null);
const asJson = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** A schema's type in words: `string (date)`, `array of object`, `one of: a, b`, a component's name. */
function typeOf(s: Json): string {
  const named = ref(s);
  if (named) return named;
  if (Array.isArray(s.enum)) return `${(s.enum as unknown[]).map(String).join(' | ')}`;
  if (s.const !== undefined) return String(s.const);
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (Array.isArray(variants)) return variants.map(typeOf).join(' | ');
  const t = Array.isArray(s.type) ? (s.type as string[]).join(' | ') : typeof s.type === 'string' ? s.type : 'any';
  if (t === 'array') return `array of ${typeOf(asJson(s.items))}`;
  return typeof s.format === 'string' ? `${t} (${s.format})` : t;
}

/** Limits a schema puts on a value, in words (minimum, maximum, lengths, pattern). */
function limitsOf(s: Json): string {
  const words: [string, string][] = [['minimum', '≥'], ['maximum', '≤'], ['exclusiveMinimum', '>'], ['exclusiveMaximum', '<'],
    ['minLength', 'min length'], ['maxLength', 'max length'], ['minItems', 'min items'], ['maxItems', 'max items'], ['pattern', 'pattern']];
  return words.filter(([k]) => s[k] !== undefined).map(([k, w]) => `${w} ${String(s[k])}`).join(', ');
}

/** A JSON Schema as a table of its fields (name, type, required, limits, description), nested objects inside. */
const SchemaFields: FC<{ schema: Json; zh: boolean }> = ({ schema, zh }) => {
  const props = Object.entries(asJson(schema.properties));
  if (props.length === 0) return <code>{typeOf(schema)}</code>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <table class="schema">
      <thead><tr><th scope="col">{zh ? '字段' : 'Field'}</th><th scope="col">{zh ? '类型' : 'Type'}</th><th scope="col">{zh ? '必填' : 'Required'}</th>
        <th scope="col">{zh ? '限制' : 'Limits'}</th><th scope="col">{zh ? '说明' : 'About'}</th></tr></thead>
      <tbody>{props.map(([name, raw]) => {
        const f = asJson(raw);
        const inner = f.type === 'array' ? asJson(f.items) : f;
        return (
          <tr><td><code>{name}</code></td><td><code>{typeOf(f)}</code></td><td>{required.has(name) ? (zh ? '是' : 'yes') : (zh ? '否' : 'no')}</td>
            <td>{limitsOf(f)}</td>
            <td>{typeof f.description === 'string' ? f.description : ''}
              {Object.keys(asJson(inner.properties)).length ? <details><summary>{zh ? '字段' : 'Fields'}</summary><SchemaFields schema={inner} zh={zh} /></details> : null}</td></tr>
        );
      })}</tbody>
    </table>
  );
};

/** An example as labelled values: each field and what it holds (nested values as their own list). */
const ExampleValues: FC<{ value: unknown }> = ({ value }) => {
  if (value === null || typeof value !== 'object') return <code>{String(value)}</code>;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value as Json);
  return <dl class="example">{entries.map(([k, v]) => <><dt><code>{k}</code></dt><dd><ExampleValues value={v} /></dd></>)}</dl>;
};

const Schema: FC<{ schema: Json; label: string; zh: boolean }> = ({ schema, label, zh }) => (
  ref(schema) || Object.keys(asJson(schema.properties)).length === 0
    ? <code>{typeOf(schema)}</code>
    : <details><summary>{label}</summary><SchemaFields schema={schema} zh={zh} /></details>
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
                <tr><td><code>{p.name}</code></td><td>{p.in}</td><td>{p.required ? (zh ? '是' : 'yes') : (zh ? '否' : 'no')}</td><td>{p.description} <code>{typeOf(p.schema)}</code> {limitsOf(p.schema)}</td></tr>
              ))}</tbody>
            </table>
          ) : null}
          {o.body ? (
            <div>
              <h3>{zh ? '请求体' : 'Body'} (<code>{o.body.type}</code>)</h3>
              <Schema schema={o.body.schema} label={zh ? '字段' : 'Fields'} zh={zh} />
              {Object.entries(o.body.examples).map(([name, v]) => (
                <details><summary>{zh ? '示例' : 'Example'}: {name}</summary><ExampleValues value={v} /></details>
              ))}
            </div>
          ) : null}
          <table>
            <caption>{zh ? '答复' : 'Answers'}</caption>
            <thead><tr><th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '含义' : 'Meaning'}</th><th scope="col">{zh ? '内容' : 'Content'}</th></tr></thead>
            <tbody>{o.responses.map((r) => (
              <tr><td>{r.status}</td><td>{r.description}</td><td>{r.schema ? <Schema schema={r.schema} label={zh ? '字段' : 'Fields'} zh={zh} /> : '—'}</td></tr>
            ))}</tbody>
          </table>
        </section>
      ))}
      <section id="programmes">
        <h2>{zh ? '各项目的申请表和操作' : 'Forms and events of each programme'}</h2>
        {programmes.map((p) => (
          <section class="card" id={`programme-${p.code}`}>
            <h3>{p.title} <code>{p.code}</code></h3>
            <details><summary>{zh ? '申请表字段' : 'Application form fields'}</summary><SchemaFields schema={p.form} zh={zh} /></details>
            <table>
              <caption>{zh ? '操作（POST /cases/{id}/events 的 type 与 data）' : 'Events (type and data of POST /cases/{id}/events)'}</caption>
              <thead><tr><th scope="col">type</th><th scope="col">{zh ? '名称' : 'Name'}</th><th scope="col">{zh ? '角色' : 'Roles'}</th><th scope="col">data</th></tr></thead>
              <tbody>{p.events.map((e) => (
                <tr><td><code>{e.type}</code></td><td>{e.title}</td><td>{e.roles.join(', ')}</td><td><Schema schema={e.schema} label={zh ? '字段' : 'Fields'} zh={zh} /></td></tr>
              ))}</tbody>
            </table>
          </section>
        ))}
      </section>
      {webhooks.length ? (
        <section id="webhooks">
          <h2>{zh ? 'Webhook 推送' : 'Webhook deliveries'}</h2>
          {webhooks.map((w) => (
            <section class="card"><h3><code>{w.type}</code></h3><p>{w.summary}</p><Schema schema={w.schema} label={zh ? '字段' : 'Fields'} zh={zh} /></section>
          ))}
        </section>
      ) : null}
    </article>
  );
};
