// CSV for spreadsheets: UTF-8 with a BOM (Excel otherwise reads Chinese as mojibake), CRLF rows
// (RFC 4180), and text that starts like a formula is prefixed, because city names are typed by
// applicants and a cell such as "=HYPERLINK(...)" would run in the reader's spreadsheet.
export type CsvValue = string | number | null;

export interface CsvTable { name: string; header: string[]; rows: CsvValue[][] }

const quote = (v: CsvValue): string => {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(t: CsvTable): string {
  return '\uFEFF' + [t.header, ...t.rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
