// What the admin types to add or end a designated location (重点承接地); labels in both
// languages, so the message catalogue (workflows/messages.ts) names each field in its errors.
import { z } from 'zod';
import { invalidData } from '../../../workflows/messages';
import type { Reason } from '../../../workflows/types';
import { AppError, refusalError } from '../errors';
import { findProvince } from './provinces';

const date = (label: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'invalid date').describe(label);
const optionalDate = (label: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), date(label).optional());

export const addLocationSchema = z.object({
  province: z.string().trim().min(1).max(20).refine((p) => !!findProvince(p), { params: { zh: '请选择省份', en: 'Choose a province' } })
    .describe('省份 / Province'),
  city: z.string().trim().min(1).max(50).describe('城市或区县 / City or district'),
  designatedOn: date('认定日期 / Designation date'),
  endsOn: optionalDate('终止日期（可选） / End date (optional)'),
}).strict();

export const endLocationSchema = z.object({ endsOn: date('终止日期 / End date') }).strict();

/** Parses, or throws a 422 whose messages come from the catalogue, one per field. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw refusalError(invalidData(schema, parsed.error.issues, input ?? {}));
}

/** A refusal concerning one field, in both languages. */
export function fieldRefusal(field: string, zh: string, en: string): AppError {
  const reason: Reason = { zh, en, field };
  return refusalError(reason);
}
