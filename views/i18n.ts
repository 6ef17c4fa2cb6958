import type { Bilingual } from '../workflows/types';

export type Locale = 'zh' | 'en';

/** The text of a bilingual label in the reader's language. */
export const t = (locale: Locale, b: Bilingual): string => b[locale];

