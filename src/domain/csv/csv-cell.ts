// One rule for every CSV the product writes (audit trail, workbench list, statistics).
// Every cell is quoted (RFC 4180): a spreadsheet in a locale that splits on ';' or tabs still sees
// one cell. Text that a spreadsheet would run as a formula is defused with a leading apostrophe,
// at the start of the cell and after any character some locale treats as a separator, because
// applicants type names, cities and comments that end up in these files.
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /(^|[,;\t\r\n|])([=+\-@])/g;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '""';
  if (typeof v === 'number') return Number.isFinite(v) ? `"${v}"` : '""';
  const text = String(v).replace(FORMULA_START, "$1'$2");
  return `"${text.replaceAll('"', '""')}"`;
}

