// The OpenAPI 3.1 document, built once from the operation table, the routes' zod schemas and the
// programmes' own form and event schemas, so it cannot drift from what the server validates.
import { z } from 'zod';
import { workflows } from '../../../workflows/index';
import type { Workflow } from '../../../workflows/types';
import { eventJsonSchema } from '../../domain/cases/case-view';
import { formJsonSchema } from '../../domain/cases/form-schema';
import { eventBody } from '../cases';
import { operations, STATUS_ABOUT, type Operation, type Shape } from './operations';
import { errorShape, jsonSchema } from './shapes';
import { webhookComponents, webhookOperations } from './webhooks';

type Json = Record<string, unknown>;
const withoutDialect = ({ $schema: _drop, ...rest }: Json): Json => rest;
const both = (b: { zh: string; en: string }) => `${b.zh} / ${b.en}`;

/** Component names allow letters, digits, '.', '-' and '_'. */
export const formRef = (w: Workflow) => `Form.${w.code}`;
export const eventRef = (w: Workflow, type: string) => `EventData.${w.code}.${type}`;

function shapeSchema(shape: Shape): Json {
  if ('$ref' in shape) return { $ref: shape.$ref };
  if ('binary' in shape) return { type: 'string', contentMediaType: shape.binary };
  return jsonSchema(shape as z.ZodType, 'output');
}

function requestSchema(shape: Shape): Json {
  if ('$ref' in shape || 'binary' in shape) return shapeSchema(shape);
  return jsonSchema(shape as z.ZodType, 'input');
}

function operationObject(op: Operation): Json {
  const parameters: Json[] = [];
  for (const [name, p] of Object.entries(op.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, description: both(p.about), schema: { type: p.schema, ...(p.schema === 'integer' ? { minimum: 1 } : {}) } });
  }
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const f = field as z.ZodType;
    parameters.push({ name, in: 'query', required: !f.safeParse(undefined).success, schema: jsonSchema(f, 'input') });
  }
  for (const [name, about] of Object.entries(op.headers ?? {})) {
    parameters.push({ name, in: 'header', required: false, description: both(about), schema: name === 'Idempotency-Key' ? { type: 'string', minLength: 1, maxLength: 200 } : { type: 'string' } });
  }
  const responses: Json = {};
  const ok = op.ok;
  responses[String(ok.status)] = {
    description: both(ok.about),
    ...(ok.shape ? { content: { [('binary' in ok.shape) ? ok.shape.binary : 'application/json']: { schema: shapeSchema(ok.shape) } } } : {}),
  };
  for (const status of op.errors) {
    responses[String(status)] = { description: both(STATUS_ABOUT[status]!), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const out: Json = {
    operationId: op.id, tags: [op.tag], summary: op.summary.en, description: both(op.summary),
    'x-summary-zh': op.summary.zh, security: op.public ? [] : [{ bearer: [] }], responses,
  };
  if (parameters.length) out.parameters = parameters;
  if (op.body) {
    const type = op.body.type ?? 'application/json';
    const examples = Object.fromEntries(Object.entries(op.body.examples).map(([k, v]) => [k, { value: v }]));
    out.requestBody = { required: true, content: { [type]: { schema: requestSchema(op.body.shape), ...(Object.keys(examples).length ? { examples } : {}) } } };
  }
  return out;
}

/** Every programme's form, every event's data schema, and the request bodies built on them. */
function programmeComponents(): Json {
  const schemas: Json = {};
  const all = Object.values(workflows);
  for (const w of all) {
    schemas[formRef(w)] = { ...withoutDialect(formJsonSchema(w)), title: both(w.name), 'x-programme': w.code };
    for (const spec of w.events) {
      schemas[eventRef(w, spec.type)] = { ...withoutDialect(eventJsonSchema(spec)), title: both(spec.label), 'x-programme': w.code, 'x-event': spec.type, 'x-roles': spec.roles };
    }
  }
  schemas.CaseCreate = {
    description: 'The programme and its application form / 项目代码和申请表',
    oneOf: all.map((w) => ({
      type: 'object', required: ['programme', 'form'], additionalProperties: false,
      properties: { programme: { const: w.code }, form: { $ref: `#/components/schemas/${formRef(w)}` } },
    })),
  };
  // The route's own schema of the event body, with `data` narrowed per programme and event type.
  const generic = jsonSchema(eventBody, 'input') as { properties: Json; required: string[] } & Json;
  const variants = new Map<string, Json>();
  for (const w of all) {
    for (const spec of w.events) {
      const v = { ...generic, properties: { ...generic.properties, type: { const: spec.type }, data: { $ref: `#/components/schemas/${eventRef(w, spec.type)}` } } };
      variants.set(`${w.code} ${spec.type}`, v);
    }
  }
  schemas.EventRequest = { description: 'A workflow event / 流程操作: `data` follows the schema of the event type in the case\'s programme', anyOf: [...variants.values()] };
  const kinds = [...new Set(all.flatMap((w) => w.documents.map((d) => d.kind)))];
  schemas.DocumentUpload = {
    type: 'object', required: ['file', 'kind'],
    properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'PDF, JPEG or PNG' }, kind: { type: 'string', enum: kinds } },
  };
  return schemas;
}

let cached: Json | null = null;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const op of [...operations, ...webhookOperations]) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  const hooks = webhookComponents();
  const createExamples = Object.fromEntries(Object.values(workflows).map((w) => [w.code, { value: { programme: w.code, form: w.formExample } }]));
  const content = (paths['/cases'] as { post: { requestBody: { content: Record<string, Json> } } }).post.requestBody.content['application/json']!;
  content.examples = createExamples;
  cached = {
    openapi: '3.1.0',
    info: {
      title: '承接 Chengjie API',
      version: '1',
      description: '商产发〔2011〕473号 支持措施的案件系统接口 / Case tracking for the support measures of 商产发〔2011〕473号. '
        + 'Errors are {"error":{"code","message"}} with the matching status.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'tokens' }, { name: 'programmes' }, { name: 'cases' }, { name: 'documents' },
      { name: 'decisions' }, { name: 'notices' }, { name: 'audit' }, { name: 'webhooks' }, { name: 'meta' },
    ],
    paths,
    webhooks: hooks.webhooks,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/v1/tokens' } },
      schemas: {
        Error: jsonSchema(errorShape),
        OpenApiDocument: { type: 'object', required: ['openapi', 'info', 'paths'] },
        ...programmeComponents(),
        ...hooks.schemas,
      },
    },
  };
  return cached;
}
