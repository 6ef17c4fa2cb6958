import type { Bilingual } from '../workflows/types';

export type Locale = 'zh' | 'en';

/** The text of a bilingual label in the reader's language. */
export const t = (locale: Locale, b: Bilingual): string => b[locale];

/** A bilingual label from two strings, for texts that are not in the workflow registry. */
export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

