import type { Locale } from '../i18n';

/** The reader's language first, the other one after it, for short workbench labels. */
export const L = (locale: Locale, zh: string, en: string): string => (locale === 'zh' ? zh : en);

export { yuan, beijingDate as day } from '../../workflows/display-format';
