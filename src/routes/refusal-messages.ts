// A refusal (AppError from domain/errors.ts refusalError) in the reader's language, as a page shows it.
import type { AppError } from '../domain/errors';

/** A refusal's message in the reader's language (the engine gives both). */
export function messageOf(err: AppError, locale: 'zh' | 'en'): string {
  const reason = (err.details as { reason?: { zh: string; en: string } } | undefined)?.reason;
  return reason ? reason[locale] : err.userMessage;
}

/** The refusal at the field it concerns: every field of invalid data, or the one a rule names. */
export function fieldMessages(err: AppError, locale: 'zh' | 'en'): Record<string, string> {
  const d = err.details as { byField?: Record<string, { zh: string; en: string }> } | undefined;
  return d?.byField ? Object.fromEntries(Object.entries(d.byField).map(([k, v]) => [k, v[locale]])) : {};
}
