// Every /api/v1 operation as the OpenAPI document describes it: bilingual summary, the zod
// schemas the route validates with, the shape of each answer and every status it can give.
// A test compares this table with the router's and sends each operation's examples.
import { z } from 'zod';
import type { Bilingual } from '../../../workflows/types';
import { auditQuery } from '../audit';
import { declarationBody, listQuery } from '../cases';
import { credentials } from '../tokens';
import { correctionInput } from '../../domain/decisions/correction-rules';
import { objectionInput } from '../../domain/notices/file-objection';
import {
  auditListShape, auditVerifyShape, caseListShape, caseShape, caseSummaryShape, correctionProposalShape, correctionResultShape, correctionWithdrawnShape, decisionShape, documentShape,
  noticeShape, objectionShape, programmeShape, programmeSummaryShape, tokenShape,
} from './shapes';

/** A body or an answer: a zod schema, or a reference to a component of the document. */
export type Shape = z.ZodType | { $ref: string } | { binary: string };

export interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string; // OpenAPI form: /cases/{id}
  id: string;
  tag: 'tokens' | 'programmes' | 'cases' | 'documents' | 'decisions' | 'audit' | 'webhooks' | 'notices' | 'meta';
  summary: Bilingual;
  public?: boolean; // no token needed
  query?: z.ZodObject;
  params?: Record<string, { schema: 'integer' | 'string'; about: Bilingual }>;
  headers?: Record<string, Bilingual>;
  body?: { shape: Shape; type?: 'application/json' | 'multipart/form-data'; examples: Record<string, unknown> };
  /** Success answer; the error statuses are added from `errors`. */
  ok: { status: number; about: Bilingual; shape?: Shape };
  errors: number[];
}

const CASE_ID = { id: { schema: 'integer' as const, about: { zh: '案件编号', en: 'Case id' } } };
const EVENT_EXAMPLE = { type: 'applicant.submit', version: 1, comment: '申请材料已齐备 / All documents attached' };

export const operations: Operation[] = [
  { method: 'get', path: '/openapi.json', id: 'getOpenApi', tag: 'meta', public: true,
    summary: { zh: '本接口的 OpenAPI 3.1 描述', en: 'This OpenAPI 3.1 document' },
    ok: { status: 200, about: { zh: 'OpenAPI 文档', en: 'The OpenAPI document' }, shape: { $ref: '#/components/schemas/OpenApiDocument' } }, errors: [] },
  { method: 'post', path: '/tokens', id: 'createToken', tag: 'tokens', public: true,
    summary: { zh: '用邮箱和密码换取访问令牌（30 天）', en: 'Exchange email and password for a bearer token (30 days)' },
    body: { shape: credentials, examples: { applicant: { email: 'ent1@demo.local', password: 'demo-pass-2026' } } },
    ok: { status: 201, about: { zh: '令牌', en: 'The token' }, shape: tokenShape }, errors: [400, 401, 413, 429] },
  { method: 'delete', path: '/tokens/current', id: 'revokeToken', tag: 'tokens',
    summary: { zh: '注销本次请求所用的令牌', en: 'Revoke the token that signs this request' },
    ok: { status: 204, about: { zh: '已注销', en: 'Revoked' } }, errors: [401] },
  { method: 'get', path: '/programmes', id: 'listProgrammes', tag: 'programmes',
    summary: { zh: '支持项目列表', en: 'The support programmes' },
    ok: { status: 200, about: { zh: '项目', en: 'Programmes' }, shape: programmeSummaryShape.array() }, errors: [401] },
  { method: 'get', path: '/programmes/{code}', id: 'getProgramme', tag: 'programmes',
    summary: { zh: '项目详情：申请表的 JSON Schema、示例和所需材料', en: 'A programme: JSON Schema of its form, an example, the documents it asks for' },
    params: { code: { schema: 'string', about: { zh: '项目代码', en: 'Programme code' } } },
    ok: { status: 200, about: { zh: '项目', en: 'The programme' }, shape: programmeShape }, errors: [401, 404] },
  { method: 'post', path: '/cases', id: 'createCase', tag: 'cases',
    summary: { zh: '新建申请（草稿）', en: 'Create an application (a draft)' },
    body: { shape: { $ref: '#/components/schemas/CaseCreate' }, examples: {} /* one per programme, filled in by the document */ },
    ok: { status: 201, about: { zh: '新案件', en: 'The new case' }, shape: caseShape }, errors: [400, 401, 403, 413, 422] },
  { method: 'get', path: '/cases', id: 'listCases', tag: 'cases', query: listQuery,
    summary: { zh: '本用户可见的案件，新的在前', en: 'Cases this user may see, newest first' },
    ok: { status: 200, about: { zh: '一页案件', en: 'A page of cases' }, shape: caseListShape }, errors: [400, 401] },
  { method: 'get', path: '/cases/{id}', id: 'getCase', tag: 'cases', params: CASE_ID,
    summary: { zh: '案件详情、可执行的操作和历史', en: 'A case, the events this user may send now and its history' },
    ok: { status: 200, about: { zh: '案件', en: 'The case' }, shape: caseShape }, errors: [401, 403, 404, 422] },
  { method: 'post', path: '/cases/{id}/events', id: 'sendEvent', tag: 'cases', params: CASE_ID,
    summary: { zh: '对案件执行一步操作（可带 Idempotency-Key）', en: 'Send a workflow event to a case (optional Idempotency-Key)' },
    headers: {
      'Idempotency-Key': { zh: '同一键重发时返回第一次的答复（1–200 字符）', en: 'Sending the same key again replays the first answer (1–200 characters)' },
      Prefer: { zh: 'return=minimal：只返回案件摘要（RFC 7240）', en: 'return=minimal: answer with the case summary only (RFC 7240)' },
    },
    body: { shape: { $ref: '#/components/schemas/EventRequest' }, examples: { submit: EVENT_EXAMPLE } },
    ok: { status: 200, about: { zh: '操作后的案件（Prefer: return=minimal 时为摘要）', en: 'The case after the event (its summary under Prefer: return=minimal)' }, shape: z.union([caseShape, caseSummaryShape]) }, errors: [400, 401, 403, 404, 409, 413, 422] },
  { method: 'post', path: '/cases/{id}/declarations', id: 'declareInterests', tag: 'cases', params: CASE_ID,
    summary: { zh: '评审专家的利益冲突声明', en: "An expert's declaration of interests" },
    body: { shape: declarationBody, examples: { none: { conflict: false } } },
    ok: { status: 201, about: { zh: '声明后的案件', en: 'The case after the declaration' }, shape: caseShape }, errors: [400, 401, 403, 404, 409, 413, 422] },
  { method: 'post', path: '/cases/{id}/documents', id: 'uploadDocument', tag: 'documents', params: CASE_ID,
    summary: { zh: '上传材料（PDF、JPEG、PNG，不超过 20 MB）', en: 'Upload a document (PDF, JPEG, PNG, at most 20 MB)' },
    body: { shape: { $ref: '#/components/schemas/DocumentUpload' }, type: 'multipart/form-data', examples: {} },
    ok: { status: 201, about: { zh: '已存储的材料', en: 'The stored document' }, shape: documentShape }, errors: [400, 401, 403, 404, 413, 422] },
  { method: 'get', path: '/cases/{id}/documents/{docId}', id: 'downloadDocument', tag: 'documents',
    params: { ...CASE_ID, docId: { schema: 'integer', about: { zh: '材料编号', en: 'Document id' } } },
    summary: { zh: '下载材料（附件）', en: 'Download a document (as an attachment)' },
    ok: { status: 200, about: { zh: '文件', en: 'The file' }, shape: { binary: 'application/octet-stream' } }, errors: [401, 404, 422] },
  { method: 'get', path: '/cases/{id}/decisions', id: 'listDecisions', tag: 'decisions', params: CASE_ID,
    summary: { zh: '案件的决定书', en: 'Decisions of a case' },
    ok: { status: 200, about: { zh: '决定书，先作出的在前', en: 'Decisions, oldest first' }, shape: decisionShape.array() }, errors: [401, 404, 422] },
  { method: 'post', path: '/decisions/corrections/{id}/sign', id: 'signCorrection', tag: 'decisions',
    params: { id: { schema: 'integer', about: { zh: '更正编号', en: 'Correction id' } } },
    summary: { zh: '签署更正（提出人以外的有权人员）：发出注明所替代决定的新决定，并更新案件金额', en: 'Sign a correction (someone other than its proposer who may sign such decisions): issues the new decision naming the one it replaces and updates the case’s figures' },
    ok: { status: 201, about: { zh: '更正决定', en: 'The correcting decision' }, shape: correctionResultShape }, errors: [401, 403, 404, 409, 422] },
  { method: 'post', path: '/decisions/{id}/corrections', id: 'correctDecision', tag: 'decisions',
    params: { id: { schema: 'integer', about: { zh: '决定编号', en: 'Decision id' } } },
    summary: { zh: '提出更正：须由另一名有权人员签署后才发出新决定', en: 'Propose a correction: no new decision exists until another authorised person signs it' },
    body: { shape: correctionInput, examples: { reasons: { reasons: '金额计算有误，予以更正 / The amount was miscalculated' } } },
    ok: { status: 201, about: { zh: '待签署的更正', en: 'The proposal, waiting for a signature' }, shape: correctionProposalShape }, errors: [400, 401, 403, 404, 409, 413, 422] },
  { method: 'post', path: '/decisions/corrections/{id}/withdraw', id: 'withdrawCorrection', tag: 'decisions',
    params: { id: { schema: 'integer', about: { zh: '更正编号', en: 'Correction id' } } },
    summary: { zh: '撤回待签署的更正（提出人或有权签署的人员）', en: 'Withdraw a proposed correction (its proposer, or someone who could sign it)' },
    ok: { status: 200, about: { zh: '已撤回', en: 'Withdrawn' }, shape: correctionWithdrawnShape }, errors: [401, 403, 404, 409] },
  { method: 'get', path: '/notices', id: 'listNotices', tag: 'notices', public: true,
    summary: { zh: '正在公示的案件（无需令牌）', en: 'Cases under public notice (公示) now (no token)' },
    ok: { status: 200, about: { zh: '公示中的案件', en: 'Cases under notice' }, shape: noticeShape.array() }, errors: [] },
  { method: 'post', path: '/notices/{caseId}/objections', id: 'fileObjection', tag: 'notices', public: true,
    params: { caseId: { schema: 'integer', about: { zh: '案件编号', en: 'Case id' } } },
    summary: { zh: '对公示中的案件提出异议（无需令牌，每个地址有频率限制）', en: 'Object to a case under public notice (no token; limited per address)' },
    body: { shape: objectionInput, examples: { objection: { name: '王先生', contact: '13800000000', text: '该企业承诺的就业人数与实际不符，请核实。' } } },
    ok: { status: 201, about: { zh: '已登记的异议', en: 'The objection as filed' }, shape: objectionShape }, errors: [400, 403, 404, 413, 422, 429] },
  { method: 'get', path: '/audit', id: 'listAudit', tag: 'audit', query: auditQuery,
    summary: { zh: '审计记录（审计员和管理员）', en: 'The audit trail (auditors and admins)' },
    ok: { status: 200, about: { zh: '一页审计记录', en: 'A page of audit records' }, shape: auditListShape }, errors: [400, 401, 403] },
  { method: 'get', path: '/audit/verify', id: 'verifyAudit', tag: 'audit',
    summary: { zh: '重新计算审计哈希链', en: 'Recompute the audit hash chain' },
    ok: { status: 200, about: { zh: '核验结果', en: 'The result' }, shape: auditVerifyShape }, errors: [401, 403] },
];

export const STATUS_ABOUT: Record<number, Bilingual> = {
  400: { zh: '请求格式错误', en: 'Malformed request' },
  401: { zh: '缺少令牌或令牌无效', en: 'No or bad token' },
  403: { zh: '本用户不能执行此操作', en: 'Not allowed for this user' },
  404: { zh: '不存在或对本用户不可见', en: 'Not found or not visible to this user' },
  409: { zh: '版本冲突或与现有数据冲突', en: 'Version conflict, or conflicts with existing data' },
  413: { zh: '请求过大（JSON 1 MB，文件 20 MB）', en: 'Too large (JSON 1 MB, files 20 MB)' },
  422: { zh: '违反规则（校验、流程条件）', en: 'Valid JSON that breaks a rule (validation, guard)' },
  429: { zh: '请求过多', en: 'Too many requests' },
};
