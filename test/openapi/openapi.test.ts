// The OpenAPI document against the running application: every route of the router is in it,
// it validates with a maintained OpenAPI validator, and every operation's documented examples,
// sent as a client would, get answers whose status and body the document describes.
import { validate } from '@readme/openapi-parser';
import { and, eq } from 'drizzle-orm';
import { decisionCorrections, decisions } from '../../src/db/schema/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowFor } from '../../workflows/index';
import { registerEndpoint } from '../../src/domain/webhooks/manage-endpoints';
import { draftCase, send, userByEmail } from '../engine/drive';
import { apiToken, type TestApp } from '../helpers/index';
import { PDF_BYTES, securityApp, type Records } from '../security/fixture';
import { answerChecker, documentOperations, fetchDocument, routerOperations, type Doc } from './contract';

let t: TestApp;
let r: Records;
let doc: Doc;
let check: ReturnType<typeof answerChecker>;
const tokens: Record<string, string> = {};
let panelCaseId = 0;
let uploadDraftId = 0;
let spareHookId = 0;
let noticeCaseId = 0;

beforeAll(async () => {
  const s = await securityApp();
  t = s.t;
  r = s.records;
  for (const a of s.actors) if (a.token && a.user) tokens[a.user.email] = a.token;
  tokens['expert2@demo.local'] = await apiToken(t.app, 'expert2@demo.local');
  tokens['exim2@demo.local'] = await apiToken(t.app, 'exim2@demo.local');
  const panel = draftCase(t.deps, 'ent2@demo.local', 'special-fund');
  for (const [who, type] of [['ent2', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts']]) {
    send(t.deps, `${who}@demo.local`, panel.id, type!);
  }
  panelCaseId = panel.id;
  uploadDraftId = draftCase(t.deps, 'ent1@demo.local', 'special-fund').id;
  spareHookId = registerEndpoint(t.deps, userByEmail(t.deps, 'exim@demo.local'), { url: 'https://spare.example.com/', events: ['case.moved'] }).id;
  const notice = draftCase(t.deps, 'ent1@demo.local', 'special-fund');
  for (const [who, type] of [['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts'],
    ['expert1', 'expert.score'], ['expert2', 'expert.score'], ['officer', 'officer.recommend']]) send(t.deps, `${who}@demo.local`, notice.id, type!);
  noticeCaseId = notice.id;
  doc = await fetchDocument(t.app);
  check = answerChecker(doc);
});

const latestDecisionOf = (caseId: number) => t.deps.db.select().from(decisions).where(eq(decisions.caseId, caseId)).all().at(-1)!.id;
const pendingCorrectionOf = (caseId: number) => t.deps.db.select().from(decisionCorrections)
  .where(and(eq(decisionCorrections.caseId, caseId), eq(decisionCorrections.status, 'proposed'))).all().at(-1)?.id ?? 999_999;

/** Who sends each operation's documented examples, and the ids its path names. */
function setup(id: string): { as: string | null; params: Record<string, string> } {
  switch (id) {
    case 'getOpenApi': case 'createToken': return { as: null, params: {} };
    case 'getProgramme': return { as: 'ent1@demo.local', params: { code: 'exim-order-finance' } };
    case 'getCase': case 'listDecisions': return { as: 'ent1@demo.local', params: { id: String(r.exim.id) } };
    case 'sendEvent': return { as: 'ent1@demo.local', params: { id: String(r.draft.id) } };
    case 'uploadDocument': return { as: 'ent1@demo.local', params: { id: String(uploadDraftId) } };
    case 'downloadDocument': return { as: 'ent1@demo.local', params: { id: String(r.exim.id), docId: String(r.exim.docId) } };
    case 'declareInterests': return { as: 'expert1@demo.local', params: { id: String(panelCaseId) } };
    // The fixture's proposal is signed first (by the second liaison), then the new decision is
    // corrected anew and that proposal withdrawn: each call finds what it needs.
    case 'signCorrection': return { as: 'exim2@demo.local', params: { id: String(r.correctionId) } };
    case 'correctDecision': return { as: 'exim@demo.local', params: { id: String(latestDecisionOf(r.exim.id)) } };
    case 'withdrawCorrection': return { as: 'exim@demo.local', params: { id: String(pendingCorrectionOf(r.exim.id)) } };
    case 'listAudit': case 'verifyAudit': return { as: 'auditor@demo.local', params: {} };
    case 'listWebhooks': case 'createWebhook': return { as: 'exim@demo.local', params: {} };
    case 'deleteWebhook': return { as: 'exim@demo.local', params: { id: String(spareHookId) } };
    case 'listWebhookDeliveries': return { as: 'exim@demo.local', params: { id: String(r.webhookId) } };
    case 'replayWebhookDelivery': return { as: 'exim@demo.local', params: { id: String(r.webhookId), deliveryId: r.webhookDeliveryId } };
    case 'listNotices': return { as: null, params: {} };
    case 'fileObjection': return { as: null, params: { caseId: String(noticeCaseId) } };
    default: return { as: 'ent1@demo.local', params: {} };
  }
}

const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, n: string) => {
  if (!(n in params)) throw new Error(`no value for {${n}} in ${path}`);
  return params[n]!;
});

async function call(method: string, path: string, token: string | null, body?: unknown, type = 'application/json') {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['content-type'] = type; payload = typeof body === 'string' ? body : JSON.stringify(body); }
  return t.app.request(`/api/v1${path}`, { method, headers, body: payload });
}

describe('the OpenAPI document', () => {
  it('lists exactly the routes of the router under /api/v1', () => {
    expect(documentOperations(doc)).toEqual(routerOperations(t.app));
    expect(routerOperations(t.app).length).toBeGreaterThan(10);
  });

  it('validates with @readme/openapi-parser as OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toMatch(/^3\.1\./);
  });

  it('carries every programme form and every event data schema as published by /programmes and the cases', async () => {
    const programmes = (await (await call('GET', '/programmes', tokens['ent1@demo.local']!)).json()) as { code: string }[];
    for (const p of programmes) {
      const full = (await (await call('GET', `/programmes/${p.code}`, tokens['ent1@demo.local']!)).json()) as { formSchema: Record<string, unknown> };
      const { title: _t, 'x-programme': _p, ...form } = doc.components.schemas[`Form.${p.code}`] as Record<string, unknown>;
      const { $schema: _s, ...published } = full.formSchema;
      expect(form).toEqual(published);
    }
    const view = (await (await call('GET', `/cases/${r.cdb.id}`, tokens['officer@demo.local']!)).json()) as { programme: string; allowedEvents: { type: string; schema: Record<string, unknown> }[] };
    expect(view.allowedEvents.length).toBeGreaterThan(0);
    for (const e of view.allowedEvents) {
      const { $schema: _s, ...published } = e.schema;
      const documented = doc.components.schemas[`EventData.${view.programme}.${e.type}`] as Record<string, unknown>;
      expect(documented).toMatchObject(published);
    }
  });

  it("answers every operation's documented examples with a documented status and body", async () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const { as, params } = setup(op.operationId);
        const concrete = fill(path, params);
        const success = Object.keys(op.responses).map(Number).find((s) => s < 300)!;
        const token = as ? (op.operationId === 'revokeToken' ? await apiToken(t.app, as) : tokens[as]!) : null;
        const content = op.requestBody?.content ?? {};
        const examples: unknown[] = [];
        if (content['application/json']) examples.push(...Object.values(content['application/json'].examples ?? {}).map((e) => e.value));
        if (content['multipart/form-data']) {
          const fd = new FormData();
          fd.set('kind', workflowFor('special-fund')!.documents[0]!.kind);
          fd.set('file', new File([PDF_BYTES('example')], 'example.pdf', { type: 'application/pdf' }));
          examples.push(fd);
        }
        if (!op.requestBody) examples.push(undefined);
        expect(examples.length, `${method} ${path} has no example`).toBeGreaterThan(0);
        for (const body of examples) {
          const res = await call(method.toUpperCase(), concrete, token, body);
          if (res.status !== success) problems.push(`${method} ${path} example answered ${res.status}, not ${success}: ${await res.clone().text()}`);
          const p = await check(method, path, res);
          if (p) problems.push(p);
        }
        // The errors every client meets: no token, a malformed body, an id that does not exist.
        if (op.security?.length) {
          const p = await check(method, path, await call(method.toUpperCase(), concrete, null));
          if (p) problems.push(`without a token: ${p}`);
        }
        if (content['application/json']) {
          const p = await check(method, path, await call(method.toUpperCase(), concrete, token, '{"unterminated'));
          if (p) problems.push(`malformed body: ${p}`);
        }
        if (Object.keys(params).length && path.includes('{id}')) {
          const missing = fill(path, { ...params, id: '999999' });
          const res = await call(method.toUpperCase(), missing, token, examples[0]);
          if (res.status !== 404) problems.push(`${method} ${path} with a missing id answered ${res.status}`);
          const p = await check(method, path, res);
          if (p) problems.push(`missing id: ${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
