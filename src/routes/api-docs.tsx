import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { workflows } from '../../workflows/index';
import { eventRef, formRef, openApiDocument } from '../api/openapi/document';
import type { AppEnv } from '../env';
import { ApiDocsPage, type DocsOperation, type DocsProgramme, type DocsWebhook } from '../../views/pages/api-docs';
import { renderPage } from './render';

type Json = Record<string, unknown>;
type Op = { operationId: string; summary: string; description: string; 'x-summary-zh': string; security: unknown[]; parameters?: Json[]; requestBody?: { content: Record<string, Json> }; responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }> };

/** The page model, read from the served OpenAPI document: the page cannot say something else. */
function model() {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Json> }; webhooks?: Record<string, Record<string, Op>> };
  const operations: DocsOperation[] = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => {
    const [type, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
    return {
      id: op.operationId, method, path, summaryZh: op['x-summary-zh'], summaryEn: op.summary, needsToken: op.security.length > 0,
      parameters: (op.parameters ?? []).map((p) => ({ name: String(p.name), in: String(p.in), required: Boolean(p.required), description: String(p.description ?? ''), schema: p.schema as Json })),
      body: type && body ? { type, schema: body.schema as Json, examples: Object.fromEntries(Object.entries((body.examples ?? {}) as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value])) } : null,
      responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description, schema: Object.values(r.content ?? {})[0]?.schema ?? null })),
    };
  }));
  const programmes: DocsProgramme[] = Object.values(workflows).map((w) => ({
    code: w.code, title: `${w.name.zh} / ${w.name.en}`, form: doc.components.schemas[formRef(w)]!,
    events: w.events.map((e) => ({ type: e.type, title: `${e.label.zh} / ${e.label.en}`, roles: e.roles, schema: doc.components.schemas[eventRef(w, e.type)]! })),
  }));
  const webhooks: DocsWebhook[] = Object.entries(doc.webhooks ?? {}).map(([type, item]) => {
    const op = item.post!;
    return { type, summary: op.description, schema: (Object.values(op.requestBody?.content ?? {})[0]?.schema ?? {}) as Json };
  });
  return { operations, programmes, webhooks };
}

/** /api/docs: the JSON API's reference, served by the server itself (no CDN), Chinese and English. */
export const apiDocsRoutes = new Hono<AppEnv>()
  .get('/api/docs', (c) => {
    const asked = c.req.query('lang') ?? getCookie(c, 'cj_lang');
    c.set('locale', asked === 'en' ? 'en' : 'zh');
    return renderPage(c, c.var.locale === 'en' ? 'API reference' : '接口参考', <ApiDocsPage locale={c.var.locale} {...model()} />);
  });
