// The webhook part of the document: the registration routes and, under OpenAPI 3.1's
// `webhooks`, what each delivery posts to the receiver.
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../domain/webhooks/enqueue-webhooks';
import { endpointInput } from '../../domain/webhooks/manage-endpoints';
import type { Operation } from './operations';
import { jsonSchema } from './shapes';

const ENDPOINT_ID = { id: { schema: 'integer' as const, about: { zh: '推送地址编号', en: 'Endpoint id' } } };

const endpointShape = z.looseObject({
  id: z.number().int(), institution: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: z.string(), failingSince: z.string().nullable().describe('Set when a delivery was given up after 24 hours'),
});
const deliveryShape = z.looseObject({
  id: z.string().describe('The delivery id: `id` of the body and X-Chengjie-Delivery'), type: z.enum(WEBHOOK_EVENTS), caseId: z.number().int(),
  createdAt: z.string(), status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(), lastStatus: z.number().int().nullable(), lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(), deliveredAt: z.string().nullable(),
});

export const webhookOperations: Operation[] = [
  { method: 'post', path: '/webhooks', id: 'createWebhook', tag: 'webhooks',
    summary: { zh: '登记推送地址（联络人为本机构，管理员为任一机构）；密钥只显示这一次', en: 'Register a webhook endpoint (a liaison for their institution, the admin for any); the secret is shown this once' },
    body: { shape: endpointInput, examples: { bank: { url: 'https://hooks.bank.example.com/chengjie', events: ['case.moved', 'decision.issued'] } } },
    ok: { status: 201, about: { zh: '编号和签名密钥', en: 'Its id and signing secret' }, shape: z.looseObject({ id: z.number().int(), secret: z.string() }) },
    errors: [400, 401, 403, 413, 422] },
  { method: 'get', path: '/webhooks', id: 'listWebhooks', tag: 'webhooks',
    summary: { zh: '本机构的推送地址', en: "The institution's webhook endpoints" },
    ok: { status: 200, about: { zh: '推送地址（不含密钥）', en: 'Endpoints (without secrets)' }, shape: endpointShape.array() }, errors: [401, 403] },
  { method: 'delete', path: '/webhooks/{id}', id: 'deleteWebhook', tag: 'webhooks', params: ENDPOINT_ID,
    summary: { zh: '删除推送地址', en: 'Remove an endpoint' },
    ok: { status: 204, about: { zh: '已删除', en: 'Removed' } }, errors: [401, 403, 404] },
  { method: 'get', path: '/webhooks/{id}/deliveries', id: 'listWebhookDeliveries', tag: 'webhooks', params: ENDPOINT_ID,
    summary: { zh: '最近的推送（状态、尝试次数、答复状态码）', en: 'Recent deliveries (status, attempts, response code)' },
    ok: { status: 200, about: { zh: '推送，新的在前', en: 'Deliveries, newest first' }, shape: deliveryShape.array() }, errors: [401, 403, 404] },
  { method: 'post', path: '/webhooks/{id}/deliveries/{deliveryId}/replay', id: 'replayWebhookDelivery', tag: 'webhooks',
    params: { ...ENDPOINT_ID, deliveryId: { schema: 'string', about: { zh: '推送编号', en: 'Delivery id' } } },
    summary: { zh: '重发一次推送（同一推送编号）', en: 'Send a delivery again (same delivery id)' },
    ok: { status: 202, about: { zh: '已排入发送', en: 'Queued' } }, errors: [401, 403, 404] },
];

const base = {
  id: z.string().describe('Delivery id; receivers deduplicate by it'), caseId: z.number().int(), reference: z.string(),
  programme: z.string(), at: z.string().describe('When the change was committed (ISO 8601, UTC)'),
};
const step = { event: z.string().describe('The workflow event'), from: z.string(), to: z.string(), version: z.number().int() };
const PAYLOADS: Record<(typeof WEBHOOK_EVENTS)[number], { about: string; shape: z.ZodType }> = {
  'case.moved': { about: '案件流转：一个流程操作已被接受 / A workflow event was accepted on a case', shape: z.looseObject({ ...base, type: z.literal('case.moved'), ...step }) },
  'decision.issued': { about: '作出决定（含更正）/ A decision was issued (corrections too)', shape: z.looseObject({
    ...base, type: z.literal('decision.issued'), decisionId: z.number().int(), number: z.string(), outcome: z.string(),
    amount: z.number().nullable(), replacesId: z.number().int().nullable(), pdfUrl: z.string() }) },
  'document.uploaded': { about: '申请企业上传了材料 / The applicant uploaded a document', shape: z.looseObject({
    ...base, type: z.literal('document.uploaded'), documentId: z.number().int(), kind: z.string(), filename: z.string(),
    size: z.number().int(), sha256: z.string(), replaces: z.array(z.number().int()) }) },
  'notice.objection': { about: '公示期间登记了异议 / An objection to the public notice was recorded', shape: z.looseObject({ ...base, type: z.literal('notice.objection'), ...step }) },
};

const both = (zh: string, en: string) => `${zh} / ${en}`;

export function webhookComponents() {
  const schemas: Record<string, unknown> = {};
  const webhooks: Record<string, unknown> = {};
  for (const type of WEBHOOK_EVENTS) {
    const name = `Webhook.${type}`;
    schemas[name] = jsonSchema(PAYLOADS[type].shape);
    webhooks[type] = { post: {
      operationId: `webhook.${type}`, summary: type, description: PAYLOADS[type].about,
      parameters: [
        { name: 'X-Chengjie-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' },
          description: both('t=<Unix 秒>,v1=<以密钥对 "<t>.<原始请求体>" 计算的 HMAC-SHA-256 十六进制>', 't=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<raw body>" keyed with the secret>') },
        { name: 'X-Chengjie-Delivery', in: 'header', required: true, schema: { type: 'string' }, description: both('推送编号，重发时不变', 'Delivery id, the same on every retry') },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
      responses: { '2XX': { description: both('已收到；其他答复会在 24 小时内按指数退避重试', 'Received; any other answer is retried with exponential backoff for 24 hours') } },
    } };
  }
  return { schemas, webhooks };
}
