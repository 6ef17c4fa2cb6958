import type { Locale } from '../i18n';

/** The reader's language first, the other one after it, for short workbench labels. */
export const L = (locale: Locale, zh: string, en: string): string => (locale === 'zh' ? zh : en);

export const yuan = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `¥${Math.round(n).toLocaleString('en-US')}`;

export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');
