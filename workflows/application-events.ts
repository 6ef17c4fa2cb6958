// The part of every programme that concerns the application itself: submission, return for
// amendment, resubmission, withdrawal and reasoned rejection, with the context they record.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { reason as reasonField } from './form-fields';
import {
  bi, callReason, documentsReason, eiaReason, firstReason, formReason, num, regionReason, twoHighsReason,
} from './policy-guards';
import type { Bilingual, DocumentKind, Role } from './types';

/** What every case records (JSON only: the engine stores it). */
export type CaseContext = {
  form: Record<string, unknown>;
  requestedAmount: number;
  submittedAt: string | null;
  lastEventAt: string | null;
  stepCount: number;             // accepted events: every accepted step changes the snapshot
  returnReason: string | null;
  returnedBy: number | null;
  returnCount: number;
  resubmitNote: string | null;
  rejection: { by: number; reason: string; at: string } | null;
  withdrawal: { by: number; reason: string | null; at: string } | null;
};

export function baseContext(form: Record<string, unknown>): CaseContext {
  return {
    form, requestedAmount: num(form.requestedAmount), submittedAt: null, lastEventAt: null, stepCount: 0,
    returnReason: null, returnedBy: null, returnCount: 0, resubmitNote: null, rejection: null, withdrawal: null,
  };
}

export interface ApplicationOptions {
  formSchema: z.ZodObject<any>;
  documents: DocumentKind[];
  /** Programmes with calls (申报指南): the form field of the category the call must fund. */
  callCategory?: string;
}

/** 政策 一.(一) and the programme's own list of required documents, checked at (re)submission. */
export function submissionRules<C extends CaseContext>(o: ApplicationOptions): Record<string, Rule<C>> {
  const formOf = (ctx: C, data: Record<string, unknown>) => (data.form as Record<string, unknown>) ?? ctx.form;
  const complete: Rule<C> = (ctx, ev) => firstReason(
    formReason(o.formSchema, formOf(ctx, ev.data)), o.callCategory ? callReason(ev, formOf(ctx, ev.data), o.callCategory) : null,
    regionReason(ev), documentsReason(o.documents, ev));
  return { submissionComplete: complete };
}

/** Screening shared by all programmes: region (一.(一)) and 两高一资 (一.(二) 二是). */
export function screeningReason(ctx: CaseContext, ev: Parameters<Rule<CaseContext>>[1]): Bilingual | null {
  return firstReason(regionReason(ev), twoHighsReason(ctx.form, ev));
}

export function applicantEvents<C extends CaseContext>(o: ApplicationOptions): EventDef<C>[] {
  const amended = (data: Record<string, unknown>) =>
    data.form ? { form: data.form as Record<string, unknown>, requestedAmount: num((data.form as Record<string, unknown>).requestedAmount) } : {};
  return [
    {
      type: 'applicant.submit', label: bi('提交申请', 'Submit the application'), roles: ['applicant'],
      schema: z.object({ form: o.formSchema.optional().describe('修改后的申请表（可选） / Corrected form (optional)') }).strict(),
      effect: (_c, ev) => ({ ...amended(ev.data), submittedAt: ev.facts.now }) as Partial<C>,
      example: () => ({}),
    },
    {
      type: 'applicant.resubmit', label: bi('补正后重新提交', 'Resubmit after amendment'), roles: ['applicant'],
      schema: z.object({
        note: reasonField.describe('补正说明 / What was amended'),
        form: o.formSchema.optional().describe('修改后的申请表（可选） / Amended form (optional)'),
      }).strict(),
      effect: (_c, ev) => ({ ...amended(ev.data), resubmitNote: String(ev.data.note), returnReason: null }) as Partial<C>,
      example: (ctx) => ({ note: `已按要求补正：${ctx.returnReason ?? '材料'} / Amended as requested` }),
    },
    {
      type: 'applicant.withdraw', label: bi('撤回申请', 'Withdraw the application'), roles: ['applicant'], optional: true, irreversible: true,
      schema: z.object({ reason: reasonField.optional() }).strict(),
      effect: (_c, ev) => ({ withdrawal: { by: ev.actor.id, reason: (ev.data.reason as string) ?? null, at: ev.facts.now } }) as Partial<C>,
      example: () => ({ reason: '企业决定撤回 / The enterprise withdraws' }),
    },
  ];
}

/** Return for amendment (补正) by the reviewing role, with a reason. */
export function returnEvent<C extends CaseContext>(role: Role): EventDef<C> {
  return {
    type: `${role}.return`, label: bi('退回补正', 'Return for amendment'), roles: [role],
    schema: z.object({ reason: reasonField }).strict(),
    effect: (ctx, ev) => ({ returnReason: String(ev.data.reason), returnedBy: ev.actor.id, returnCount: ctx.returnCount + 1 }) as Partial<C>,
    example: () => ({ reason: '请补充近三年财务报表 / Please add the last three years of financial statements' }),
  };
}

/**
 * The grounds a refusal cites: 一.(一) when the location is not an undertaking location,
 * 一.(二) for 两高一资 products (its 二是) or a missing EIA approval (when the programme asks for
 * one), and the programme's own section when no screening rule is broken. Several at once are
 * joined with '、', the way a letter lists them.
 */
export function refusalGrounds(form: Record<string, unknown>, ev: Parameters<Rule<CaseContext>>[1], section: string, o: { eia?: boolean } = {}): string {
  const grounds: string[] = [];
  if (regionReason(ev)) grounds.push('一.(一)');
  if (twoHighsReason(form, ev) || (o.eia && eiaReason(ev))) grounds.push('一.(二)');
  return (grounds.length ? grounds : [section]).join('、');
}

/** A reasoned rejection, citing the grounds above; `preparer` names who prepared it (four eyes). */
export function rejectEvent<C extends CaseContext>(
  type: string, role: Role, label: Bilingual, outcome: string, title: Bilingual, section: string,
  o: { preparer?: (before: C) => number | null; eia?: boolean } = {},
): EventDef<C> {
  return {
    type, label, roles: [role],
    schema: z.object({ reason: reasonField }).strict(),
    effect: (_c, ev) => ({ rejection: { by: ev.actor.id, reason: String(ev.data.reason), at: ev.facts.now } }) as Partial<C>,
    example: (ctx) => ({ reason: twoHighsReason(ctx.form)?.zh ?? '不符合支持条件 / Does not meet the conditions for support' }),
    decision: (before, _after, ev) => ({
      outcome, title, amount: null, conditions: null, reasons: String(ev.data.reason),
      section: refusalGrounds(before.form, ev, section, o), preparedBy: o.preparer?.(before) ?? null, adverse: true,
    }),
  };
}
