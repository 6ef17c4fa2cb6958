// A refusal (AppError from domain/errors.ts) in the reader's language, as a page shows it. The
// catalogue's refusals (validationError, refusalError) carry `reason` and `byField` in both
// languages; a rule's refusal is one "中文 / English" message naming its field in `fields`, whose
// values are short codes for API clients ('taken') and are never shown to a person.
import type { AppError } from '../domain/errors';

type Locale = 'zh' | 'en';
interface Details { byField?: Record<string, { zh: string; en: string }>; fields?: Record<string, string>; reason?: { zh: string; en: string } }

/** "中文 / English" in one language (the whole text when it is not in two). */
export function inLanguage(text: string, locale: Locale): string {
  const at = text.indexOf(' / ');
  if (at < 0 || !/\p{Script=Han}/u.test(text.slice(0, at))) return text;
  return locale === 'zh' ? text.slice(0, at).trim() : text.slice(at + 3).trim();
}

/** A refusal's message in the reader's language. */
export function messageOf(err: AppError, locale: Locale): string {
  const d = err.details as Details | undefined;
  return d?.reason ? d.reason[locale] : inLanguage(err.userMessage, locale);
}

/** The refusal at each field it concerns, in the reader's language. */
export function fieldMessages(err: AppError, locale: Locale): Record<string, string> {
  const d = err.details as Details | undefined;
  if (d?.byField) return Object.fromEntries(Object.entries(d.byField).map(([k, m]) => [k, m[locale]]));
  return Object.fromEntries(Object.keys(d?.fields ?? {}).map((k) => [k, inLanguage(err.userMessage, locale)]));
}
