// The one place where a code becomes words. Pages, CSVs, notifications and the case file ask
// here for the label of an event, a state, a document kind, a form field, a choice, an
// institution, a country, a role or an audit record, so that no internal code reaches a person
// and a new code in a programme is labelled where the programme declares it.
import { yuan } from './display-format';
import { countryName } from './countries';
import { CHOICE_LABELS } from './form-fields';
import { EARLIER_VERSIONS, workflowFor, workflows } from './index';
import { INSTITUTION_CODES, institutionOf } from './institutions';
import { INDUSTRIES } from './policy-lists';
import { z } from 'zod';
import { labelOf } from './schema-form';
import type { Bilingual, Workflow } from './types';

type Lang = 'zh' | 'en';
const bi = (zh: string, en: string): Bilingual => ({ zh, en });
// Earlier versions too: a case started under one keeps its states, and they keep their words.
const all = (): Workflow[] => [...Object.values(workflows), ...EARLIER_VERSIONS];
const ofProgramme = (programme?: string | null): Workflow[] => {
  const w = programme ? workflowFor(programme) : undefined;
  return w ? [w, ...all().filter((x) => x !== w)] : all();
};

/** When a code has no label, a neutral word rather than the code itself. */
const UNKNOWN: Bilingual = bi('其他', 'Other');

/** Roles by themselves; staff of a known institution are named with it (staffRoleLabel). */
const ROLE_LABELS: Record<string, Bilingual> = {
  applicant: bi('企业申请人', 'Applicant'),
  officer: bi('经办人', 'Officer'),
  expert: bi('评审专家', 'Expert reviewer'),
  approver: bi('审批人', 'Approver'),
  finance: bi('财务人员', 'Finance'),
  liaison: bi('联络员', 'Liaison'),
  auditor: bi('审计人员', 'Auditor'),
  admin: bi('系统管理员', 'Administrator'),
  system: bi('系统', 'System'),
  anonymous: bi('未登录访问者', 'Anonymous visitor'),
};

/** The actor name the engine records for timed steps and renders ('system'). */
const SYSTEM_ACTOR: Bilingual = bi('系统（自动）', 'System (automatic)');

/** Records of the audit chain that are not workflow events. */
const AUDIT_TYPE_LABELS: Record<string, Bilingual> = {
  'case.created': bi('创建草稿', 'Draft created'),
  'form.saved': bi('保存申请表', 'Application form saved'),
  'document.uploaded': bi('上传材料', 'Document uploaded'),
  'document.replaced': bi('替换材料', 'Document replaced'),
  'document.downloaded': bi('下载材料', 'Document downloaded'),
  'comment.added': bi('内部意见', 'Internal comment'),
  'expert.declared-conflict': bi('专家声明存在利益冲突', 'Expert declared a conflict of interest'),
  'expert.declared-no-conflict': bi('专家声明无利益冲突', 'Expert declared no conflict of interest'),
  'decision.issued': bi('作出决定', 'Decision issued'),
  'decision.corrected': bi('决定更正（已签署）', 'Decision corrected (signed)'),
  'decision.correction-proposed': bi('提出决定更正', 'Correction of a decision proposed'),
  'decision.correction-withdrawn': bi('撤回决定更正', 'Correction of a decision withdrawn'),
  'decision.rendered': bi('生成决定书', 'Decision letter produced'),
  'decision.downloaded': bi('下载决定书', 'Decision letter downloaded'),
  'decisions.zip-downloaded': bi('批量下载决定书', 'Decision letters downloaded (ZIP)'),
  'case-file.downloaded': bi('下载案卷', 'Case file downloaded'),
  'audit.csv-exported': bi('导出审计记录', 'Audit trail exported'),
  'user.created': bi('创建用户', 'User created'),
  'user.disabled': bi('停用用户', 'User disabled'),
  'user.enabled': bi('启用用户', 'User enabled'),
  'user.password-reset': bi('重置密码', 'Password reset'),
  'user.invited': bi('邀请同事', 'Colleague invited'),
  'user.invitation-accepted': bi('接受邀请', 'Invitation accepted'),
  'enterprise.registered': bi('企业注册', 'Enterprise registered'),
  'login.succeeded': bi('登录成功', 'Signed in'),
  'login.failed': bi('登录失败', 'Sign-in failed'),
  'login.disabled': bi('已停用账户尝试登录', 'Sign-in to a disabled account'),
  'login.throttled': bi('登录受限', 'Sign-in throttled'),
  'stats.weights-changed': bi('修改评价指数权重', 'Evaluation index weights changed'),
  'demo.accounts-created': bi('创建演示账户', 'Demo accounts created'),
  'lease.taken': bi('后台任务改由此服务器运行', 'Background work taken over by a server'),
  'access.refused': bi('拒绝访问', 'Access refused'),
  'access.not-found': bi('访问不存在的资源', 'Access to a missing resource'),
};

/** What a webhook endpoint subscribes to (the codes are src/domain/webhooks' WEBHOOK_EVENTS). */
export const WEBHOOK_EVENT_LABELS: Record<string, Bilingual> = {
  'case.moved': bi('案件流转', 'Case moved'),
  'decision.issued': bi('作出决定', 'Decision issued'),
  'document.uploaded': bi('上传材料', 'Document uploaded'),
  'notice.objection': bi('公示异议', 'Objection to a notice'),
};
/** Where a webhook delivery stands. */
export const DELIVERY_STATUS_LABELS: Record<string, Bilingual> = {
  pending: bi('待发送', 'Pending'),
  delivered: bi('已送达', 'Delivered'),
  failed: bi('已放弃（24 小时未成功）', 'Given up (24 hours without success)'),
};

const AUDIT_KIND_LABELS: Record<string, Bilingual> = {
  event: bi('办理', 'Case step'), case: bi('申请', 'Application'), document: bi('材料', 'Document'),
  comment: bi('意见', 'Comment'), declaration: bi('声明', 'Declaration'), decision: bi('决定', 'Decision'),
  download: bi('下载', 'Download'), admin: bi('管理', 'Administration'), auth: bi('登录', 'Sign-in'),
  access: bi('访问', 'Access'),
};

const lookup = (table: Record<string, Bilingual>, code: string): Bilingual | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined;

export function programmeName(code: string): Bilingual {
  return workflowFor(code)?.name ?? UNKNOWN;
}

export function eventLabel(type: string, programme?: string | null): Bilingual {
  for (const w of ofProgramme(programme)) {
    const e = w.events.find((x) => x.type === type);
    if (e) return e.label;
  }
  return lookup(AUDIT_TYPE_LABELS, type) ?? UNKNOWN;
}

export function stateLabel(state: string | null | undefined, programme?: string | null): Bilingual {
  if (!state) return bi('—', '—');
  for (const w of ofProgramme(programme)) {
    const l = lookup(w.stateLabels, state);
    if (l) return l;
  }
  return UNKNOWN;
}

export function documentKindLabel(kind: string, programme?: string | null): Bilingual {
  for (const w of ofProgramme(programme)) {
    const d = w.documents.find((x) => x.kind === kind);
    if (d) return d.label;
  }
  return bi('其他材料', 'Other document');
}

export const webhookEventLabel = (type: string): Bilingual => lookup(WEBHOOK_EVENT_LABELS, type) ?? UNKNOWN;
export const deliveryStatusLabel = (status: string): Bilingual => lookup(DELIVERY_STATUS_LABELS, status) ?? UNKNOWN;
export const auditKindLabel = (kind: string): Bilingual => lookup(AUDIT_KIND_LABELS, kind) ?? UNKNOWN;
export const roleLabel = (role: string): Bilingual => lookup(ROLE_LABELS, role) ?? UNKNOWN;
/**
 * A member of staff by role and institution, the institution's short name from the registry
 * (人社部门经办人, HR & Social Security officer); the role alone when the institution is unknown
 * or its staff do not hold that role.
 */
export function staffRoleLabel(role: string, institution: string | null | undefined): Bilingual {
  const word = roleLabel(role);
  const inst = institution ? institutionOf(institution) : undefined;
  if (!inst || !(inst.roles as readonly string[]).includes(role)) return word;
  return bi(`${inst.short.zh}${word.zh}`, `${inst.short.en} ${word.en.charAt(0).toLowerCase()}${word.en.slice(1)}`);
}

/** The role of whoever acted on a programme's case, named with the institution whose staff act in it. */
export function roleInProgramme(role: string, programme: string | null | undefined): Bilingual {
  const w = programme ? workflowFor(programme) : undefined;
  if (!w) return roleLabel(role);
  const inst = (w.actingRoles as string[]).includes(role) ? w.institution
    : Object.entries(w.partners).find(([, roles]) => (roles as string[] | undefined)?.includes(role))?.[0];
  return staffRoleLabel(role, inst);
}
export const institutionLabel = (code: string | null | undefined): Bilingual =>
  (code ? institutionOf(code)?.name : undefined) ?? bi('—', '—');

/** The name recorded for an actor, with the engine's own `system` in words. */
/** Who applicants see in place of an expert: the panel, never a name (independent review). */
export const EXPERT_PANEL_ACTOR = 'expert-panel';
const EXPERT_PANEL: Bilingual = { zh: '评审专家组', en: 'Expert panel' };
export const actorName = (name: string, lang: Lang): string =>
  (name === 'system' ? SYSTEM_ACTOR[lang] : name === EXPERT_PANEL_ACTOR ? EXPERT_PANEL[lang] : name);

export function industryLabel(code: string): Bilingual {
  return INDUSTRIES.find((i) => i.code === code)?.label ?? UNKNOWN;
}

/** A country by its ISO 3166 code, named in the reader's language: the one list in countries.ts. */
export function countryLabel(code: string, lang: Lang): string {
  return countryName(code)?.[lang] ?? (lang === 'zh' ? '未知国家或地区' : 'Unknown country');
}

function choiceLabel(code: string): Bilingual | undefined {
  return lookup(CHOICE_LABELS, code) ?? INDUSTRIES.find((i) => i.code === code)?.label;
}

/**
 * A value of a form or of the workflow's context, in words: a choice code becomes its label, a
 * country code its name, a boolean yes/no. Anything else is the value itself.
 */
export function valueLabel(key: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'Yes') : (lang === 'zh' ? '否' : 'No');
  if (typeof value === 'number') return String(value);
  const s = String(value);
  if (/country$/i.test(key)) return countryLabel(s, lang);
  return choiceLabel(s)?.[lang] ?? s;
}

/**
 * Every code a person must never read, derived from the registry so that a new event, state,
 * document kind or choice is covered as soon as a programme declares it. Used by the tests that
 * walk the desks.
 */
export function internalCodes(): string[] {
  const codes = new Set<string>();
  for (const w of all()) {
    w.events.forEach((e) => codes.add(e.type));
    Object.keys(w.stateLabels).filter((s) => s.includes('.') || /[A-Z-]/.test(s)).forEach((s) => codes.add(s));
    w.documents.forEach((d) => codes.add(d.kind));
    (w.decisions ?? []).forEach((d) => codes.add(d.outcome));
    codes.add(w.code);
    Object.keys(w.formSchema.shape).forEach((k) => codes.add(k));
    w.events.forEach((e) => Object.keys((e.schema as { shape?: object }).shape ?? {}).forEach((k) => codes.add(k)));
  }
  Object.keys(AUDIT_TYPE_LABELS).forEach((t) => codes.add(t));
  Object.keys(CHOICE_LABELS).filter((c) => c.includes('-')).forEach((c) => codes.add(c));
  INDUSTRIES.filter((i) => i.code.includes('-')).forEach((i) => codes.add(i.code));
  // CDB and EXIM are also the institutions' short names in English.
  INSTITUTION_CODES.filter((c) => c !== 'CDB' && c !== 'EXIM').forEach((c) => codes.add(c));
  // A plain lowercase word ('budget', 'score') is also an English word: only the shapes no
  // sentence has (dotted, hyphenated, camelCase, all capitals) are codes.
  return [...codes].filter((c) => /[.-]/.test(c) || /^[a-z]+[A-Z]/.test(c) || /^[A-Z]{3,}$/.test(c));
}

/** Keys of audit data and of groups that no schema describes. */
const EXTRA_FIELD_LABELS: Record<string, Bilingual> = {
  contact: bi('联系人信息', 'Contact'), order: bi('出口订单', 'Export order'), buyers: bi('买方', 'Buyers'),
  products: bi('加工贸易商品', 'Processing-trade products'), reason: bi('理由', 'Reason'), note: bi('说明', 'Note'),
  requestId: bi('申请序号', 'Request number'), jobsPromised: bi('承诺新增就业岗位', 'New jobs promised'),
  ip: bi('IP 地址', 'IP address'), userId: bi('用户编号', 'User number'), email: bi('电子邮箱', 'Email'),
  role: bi('角色', 'Role'), institutionCode: bi('所属机构', 'Institution'), users: bi('用户数', 'Users'),
  from: bi('自', 'From'), to: bi('至', 'To'), sha256: bi('SHA-256', 'SHA-256'), number: bi('决定书编号', 'Decision number'),
  decisionId: bi('决定编号', 'Decision number'), filename: bi('文件名', 'File name'), kind: bi('类别', 'Kind'),
  size: bi('大小（字节）', 'Size (bytes)'), documentId: bi('材料编号', 'Document number'), count: bi('数量', 'Count'),
  weights: bi('权重', 'Weights'), status: bi('状态码', 'Status'), path: bi('地址', 'Address'), method: bi('方法', 'Method'),
  version: bi('版本', 'Version'), conflict: bi('利益冲突', 'Conflict of interest'), enterpriseId: bi('企业编号', 'Enterprise number'),
  programme: bi('支持项目', 'Programme'), programmeCode: bi('支持项目', 'Programme'), type: bi('事项', 'Step'), reference: bi('案件编号', 'Case reference'),
  bytes: bi('大小（字节）', 'Size (bytes)'), numbers: bi('决定书编号', 'Decision numbers'),
  outcome: bi('决定', 'Decision'), amount: bi('金额', 'Amount'), caseId: bi('案件编号', 'Case number'),
};

let fieldLabels: Map<string, Bilingual> | null = null;
function collectFieldLabels(): Map<string, Bilingual> {
  const out = new Map<string, Bilingual>();
  const walk = (s: any, key: string | null): void => {
    if (!s || typeof s !== 'object') return;
    // The label of `.meta()`, else the description: schema-form's one rule.
    const meta = z.globalRegistry.get(s) as { label?: Bilingual; description?: string } | undefined;
    if (key && !out.has(key) && (meta?.label || typeof s.description === 'string')) out.set(key, labelOf(meta ?? { description: s.description }, key));
    const def = s._zod?.def ?? s._def;
    if (def?.shape) for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, k);
    else if (def?.element) walk(def.element, key);
    else if (def?.innerType) walk(def.innerType, key);
    else if (def?.in) walk(def.in, key);
  };
  for (const w of all()) {
    walk(w.formSchema, null);
    for (const e of w.events) walk(e.schema, null);
  }
  for (const [k, v] of Object.entries(EXTRA_FIELD_LABELS)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** The label of a form, event or audit-data field by its key ('requestedAmount' → 申请金额). */
export function fieldLabel(key: string): Bilingual {
  fieldLabels ??= collectFieldLabels();
  return fieldLabels.get(key) ?? bi('其他信息', 'Other detail');
}

/** Structured data (an event's figures, an audit record's data) as 'label: value' lines. */
export function dataLines(data: unknown, lang: Lang, max = 12): string[] {
  if (data === null || data === undefined) return [];
  const lines: string[] = [];
  const show = (key: string, v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? Object.entries(x).map(([k, y]) => `${fieldLabel(k)[lang]} ${show(k, y)}`).join('，') : show(key, x))).join('；');
    if (v && typeof v === 'object') return Object.entries(v).map(([k, y]) => `${fieldLabel(k)[lang]} ${show(k, y)}`).join('，');
    if (key === 'role' && typeof v === 'string') return roleLabel(v)[lang];
    if (key === 'institutionCode' && typeof v === 'string') return institutionLabel(v)[lang];
    if (key === 'kind' && typeof v === 'string') return documentKindLabel(v)[lang];
    if ((key === 'programme' || key === 'programmeCode') && typeof v === 'string') return programmeName(v)[lang];
    if ((key === 'state' || key === 'from' || key === 'to') && typeof v === 'string' && v.includes('.')) return stateLabel(v)[lang];
    if (key === 'type' && typeof v === 'string') return eventLabel(v)[lang];
    if (typeof v === 'number' && /amount|limit|value|premium|indemnity|paid|disbursed|drawn/i.test(key)) return yuan(v);
    return valueLabel(key, v, lang);
  };
  if (typeof data !== 'object') return [String(data)];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    // An outcome is a code for programs; the decision's number and title say it in words.
    if (v === undefined || v === null || k === 'outcome' || lines.length >= max) continue;
    lines.push(`${fieldLabel(k)[lang]}${lang === 'zh' ? '：' : ': '}${show(k, v)}`);
  }
  return lines;
}
