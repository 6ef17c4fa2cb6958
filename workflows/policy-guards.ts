// The policy checks shared by the programmes. Each returns a bilingual reason or null; the
// programmes compose them into named rules (define-workflow.ts) used as guards and refusals.
import type { z } from 'zod';
import { groupDigits } from './display-format';
import { invalidData } from './messages';
import { twoHighsFindings } from './policy-lists';
import type { Bilingual, CaseFacts, DocumentKind, Reason, WorkflowEvent } from './types';

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

export function firstReason(...reasons: (Bilingual | null)[]): Bilingual | null {
  return reasons.find((r) => r !== null) ?? null;
}

export const yuan = (n: number) => `${groupDigits(n)} 元`;
export const yuanEn = (n: number) => `CNY ${groupDigits(n)}`;

/** Where the project (or, without one, the enterprise) is, as the facts name it. */
function placeOf(ev: WorkflowEvent): { place: string; standing?: string; whose: Bilingual } | null {
  const project = ev.facts.project;
  if (project) return project.regionEligible ? null : { place: `${project.province}${project.city ? ` ${project.city}` : ''}`, standing: project.standing, whose: bi('项目所在地', "The project's location") };
  const ent = ev.facts.enterprise;
  return ent.regionEligible ? null : { place: ent.province, standing: ent.standing, whose: bi('企业所在地', "The enterprise's region") };
}

/**
 * 政策 一.(一) (and 六.(一) for the special funds): support goes to the key undertaking locations
 * (重点承接地) the three ministries designate in central and western China and the less-developed
 * east. The facts say where the place stood on the list when the application was submitted and
 * whether this programme takes it (a programme may take central and western places off the list
 * at a lower priority instead of refusing them).
 */
export function regionReason(ev: WorkflowEvent): Bilingual | null {
  const p = placeOf(ev);
  if (!p) return null;
  if (p.standing === 'undesignated') {
    return bi(
      `${p.whose.zh}（${p.place}）不在申请提交时的加工贸易梯度转移重点承接地名单内，本项目仅支持重点承接地（政策 一.(一)、六.(一)）`,
      `${p.whose.en} (${p.place}) was not on the list of key undertaking locations (重点承接地) when the application was submitted, and this programme supports only those locations (policy 一.(一), 六.(一))`,
    );
  }
  return bi(
    `${p.whose.zh}（${p.place}）不属于中西部地区或东部欠发达承接地（政策 一.(一)）`,
    `${p.whose.en} (${p.place}) is not a central, western or designated eastern undertaking location (policy 一.(一))`,
  );
}

/**
 * For a programme that takes central and western places off the list at a lower priority: the
 * note staff read on the case (never a suggestion of the decision, only where the place stood).
 */
export function lowerPriorityNote(facts: CaseFacts): Bilingual | null {
  const p = facts.project ?? facts.enterprise;
  if (p.standing !== 'undesignated' || !p.regionEligible) return null;
  const place = 'city' in p && p.city ? `${p.province} ${p.city}` : p.province;
  const whose = facts.project ? bi('项目所在地', "The project's location") : bi('企业所在地', "The enterprise's region");
  return bi(
    `${whose.zh}（${place}）在申请提交时不在重点承接地名单内：本项目不因此不予支持，但按规定列为较低优先（政策 一.(一)）`,
    `${whose.en} (${place}) was not on the list of key undertaking locations (重点承接地) when the application was submitted: this programme does not refuse it for that, but gives it a lower priority (policy 一.(一))`,
  );
}

/**
 * A grant is applied for under an open call (申报指南): the first submission by its deadline, and
 * every (re)submission in a category the call funds. Facts without `call` (pure tests) skip it.
 */
export function callReason(ev: WorkflowEvent, form: Record<string, unknown>, categoryField: string): Reason | null {
  const call = ev.facts.call;
  if (call === undefined) return null;
  if (call === null) return bi('本项目目前没有开放的申报指南，不能提交申请', 'This programme has no open call for applications: the application cannot be submitted');
  if (ev.type === 'applicant.submit' && (!call.open || Date.parse(ev.facts.now) > Date.parse(call.deadline))) {
    return bi(`${call.label.zh}已截止受理，不能提交申请`, `${call.label.en} is closed for applications: the application cannot be submitted`);
  }
  const category = String(form[categoryField] ?? '');
  if (!call.categories.includes(category)) {
    return { ...bi(`${call.label.zh}不支持所选方向，请改选该指南支持的方向`, `${call.label.en} does not fund the chosen category: choose one it funds`), field: categoryField };
  }
  return null;
}

function hsCodesOf(form: Record<string, unknown>): string[] {
  const products = Array.isArray(form.products) ? form.products : [];
  return products.map((p) => String((p as { hsCode?: unknown }).hsCode ?? ''));
}

/** 政策 一.(二) 二是: no processing trade in 两高一资 products, checked on the form's
 *  industry, every product HS code and the enterprise's registered industry. */
export function twoHighsReason(form: Record<string, unknown>, ev?: WorkflowEvent): Bilingual | null {
  const industries = [String(form.industry ?? ''), ev?.facts.enterprise.industry ?? ''];
  const found = twoHighsFindings(industries, hsCodesOf(form));
  if (found.length === 0) return null;
  return bi(
    `属于“两高一资”，禁止开展加工贸易（政策 一.(二) 二是）：${found.map((f) => f.zh).join('、')}`,
    `High-pollution, high-energy or resource-based ("两高一资") processing is forbidden (policy 一.(二), its 二是): ${found.map((f) => f.en).join(', ')}`,
  );
}

/** 政策 一.(二) 二是: a project must have its environmental impact assessment approved. */
export function eiaReason(ev: WorkflowEvent): Bilingual | null {
  if (ev.facts.documentKinds.includes('eia-approval')) return null;
  return bi('缺少环境影响评价批复文件，项目不能通过审查（政策 一.(二)）', 'No EIA approval document is attached: a project cannot pass review without it (policy 一.(二))');
}

export function documentsReason(documents: DocumentKind[], ev: WorkflowEvent): Bilingual | null {
  const missing = documents.filter((d) => d.required && !ev.facts.documentKinds.includes(d.kind));
  if (missing.length === 0) return null;
  return bi(`缺少必需材料：${missing.map((d) => d.label.zh).join('、')}`, `Required documents are missing: ${missing.map((d) => d.label.en).join(', ')}`);
}

export function formReason(schema: z.ZodType, form: unknown): Reason | null {
  const parsed = schema.safeParse(form);
  return parsed.success ? null : invalidData(schema, parsed.error.issues, form, bi('申请表尚需更正', 'The application form needs correcting'));
}

/** Four eyes (DOMAIN: a decision is never taken by the person who prepared it). */
export function fourEyesReason(actorId: number, preparers: (number | null | undefined)[]): Bilingual | null {
  if (!preparers.includes(actorId)) return null;
  return bi('四眼原则：准备该决定的人员不能作出该决定', 'Four eyes: the person who prepared this decision may not take it');
}

/** The same reason, marked as concerning one field of the event's data. */
export function atField(field: string, reason: Bilingual | null): Bilingual | null {
  return reason ? { ...reason, field } : null;
}

/** `field`: where the amount was typed (default `amount`); the reason names what would pass. */
export function ceilingReason(amount: number, remaining: number, what: Bilingual, field = 'amount'): Reason | null {
  if (amount <= remaining) return null;
  return { zh: `${what.zh}超过剩余额度（${yuan(remaining)}）`, en: `${what.en} exceeds what remains (${yuanEn(remaining)})`, field };
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** The day after an ISO date (YYYY-MM-DD): when an unpaid instalment becomes overdue. */
export function dayAfter(date: string): string {
  return addDays(`${date.slice(0, 10)}T00:00:00.000Z`, 1);
}

/** A calendar date (YYYY-MM-DD) some days later (or earlier). */
export const datePlus = (date: string, days: number) => addDays(`${date.slice(0, 10)}T00:00:00.000Z`, days).slice(0, 10);
