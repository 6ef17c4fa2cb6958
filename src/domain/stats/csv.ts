// CSV for spreadsheets: UTF-8 with a BOM (Excel otherwise reads Chinese as mojibake), CRLF rows
// (RFC 4180), and text that starts like a formula is prefixed, because city names are typed by
// applicants and a cell such as "=HYPERLINK(...)" would run in the reader's spreadsheet.
import { csvCell, type CsvValue } from '../csv/csv-cell';

export type { CsvValue };

/** `csvOnly`: from this column on, the cells are for the file only (codes beside the readable names, for other systems); pages stop before it. */
export interface CsvTable { name: string; header: string[]; rows: CsvValue[][]; csvOnly?: number }

export function toCsv(t: CsvTable): string {
  return '\uFEFF' + [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
