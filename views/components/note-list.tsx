// What a step carried, as labelled values: notes, reasons, opinions, amounts (grouped, in yuan).
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';
import { yuan } from '../workbench/text';

export interface NoteItem { label: Bilingual; value: number | string; unit?: 'yuan' | 'count' }

const shown = (n: NoteItem) => (typeof n.value === 'number' ? (n.unit === 'yuan' ? yuan(n.value) : n.value.toLocaleString('en-US')) : n.value);

export const NoteList: FC<{ notes: NoteItem[]; locale: Locale }> = ({ notes, locale }) => (notes.length === 0 ? null : (
  <dl class="facts notes">
    {notes.map((n) => <><dt>{n.label[locale]}</dt><dd>{shown(n)}</dd></>)}
  </dl>
));
