// Reads the served OpenAPI document as a client would: the operations it lists and a validator
// for the answers it documents (ajv, JSON Schema 2020-12, refs resolved inside the document).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { App } from '../../src/app';

export type Doc = {
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, unknown> };
  webhooks?: Record<string, Record<string, OperationDoc>>;
};
export interface OperationDoc {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export async function fetchDocument(app: App): Promise<Doc> {
  const res = await app.request('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  return (await res.json()) as Doc;
}

/** Routes of the router under /api/v1 in the document's form: 'POST /cases/{id}/events'. */
export function routerOperations(app: App): string[] {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api/v1/') || r.method === 'ALL' || r.path.includes('*')) continue;
    const path = r.path.slice('/api/v1'.length).replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}');
    out.add(`${r.method} ${path}`);
  }
  return [...out].sort();
}

export function documentOperations(doc: Doc): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
}

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Checks an answer against what the document says for that operation and status. */
export function answerChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'openapi');
  return async (method: string, path: string, res: Response): Promise<string | null> => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) return `${method} ${path} is not in the document`;
    const documented = op.responses[String(res.status)];
    if (!documented) return `${method} ${path} answered ${res.status}, which the document does not list (${Object.keys(op.responses).join(', ')}): ${await res.clone().text()}`;
    const json = documented.content?.['application/json'];
    if (!json) return null;
    const validate = ajv.getSchema(`openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', String(res.status), 'content', 'application/json', 'schema')}`);
    if (!validate) return `no schema for ${method} ${path} ${res.status}`;
    const body = await res.clone().json();
    return validate(body) ? null : `${method} ${path} ${res.status}: ${ajv.errorsText(validate.errors)}`;
  };
}
