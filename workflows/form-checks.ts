// Rules of an application form that relate two fields (an amount within the order value, a
// payment date after shipment). Each names the field it concerns and the figure that would
// pass, so the form shows it there as the applicant types; the same rules refuse the whole form
// at submission and in the API.
import type { z } from 'zod';
import { yuan, yuanEn } from './policy-guards';
import type { Bilingual } from './types';

export interface FormCheck {
  /** Dotted path of the field the rule is shown at. */
  field: string;
  /** Why the form breaks the rule, or null (also null while a value it needs is missing). */
  reason: (form: Record<string, any>) => Bilingual | null;
}

/** The numbers a check needs, or null while one of them is not a number yet. */
export function numbers(...values: unknown[]): number[] | null {
  return values.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (values as number[]) : null;
}

/** What the form's checks say about it now, by field. */
export function formCheckReasons(checks: FormCheck[], form: Record<string, unknown>): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  for (const c of checks) {
    const r = c.reason(form);
    if (r) out[c.field] ??= r;
  }
  return out;
}

/** The form's schema, refusing what its checks refuse, each at its field (custom issues carry both languages). */
export function withChecks<T extends z.ZodObject<any>>(schema: T, checks: FormCheck[]): T {
  return schema.superRefine((form, ctx) => {
    for (const [field, r] of Object.entries(formCheckReasons(checks, form as Record<string, unknown>))) {
      ctx.addIssue({ code: 'custom', path: field.split('.'), message: r.en, params: { zh: r.zh, en: r.en } });
    }
  }) as unknown as T;
}


/** A project's request is part of its investment, never more. */
export const requestWithinInvestment: FormCheck = {
  field: 'requestedAmount',
  reason: (f) => {
    const n = numbers(f.requestedAmount, f.totalInvestment);
    return n && n[0]! > n[1]! ? { zh: `申请金额不得超过项目总投资（最多 ${yuan(n[1]!)}）`, en: `The amount requested may not exceed the total investment (at most ${yuanEn(n[1]!)})` } : null;
  },
};
