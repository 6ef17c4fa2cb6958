// Value formatting for decision documents. Written by hand rather than with Intl so that the
// bytes of a PDF never depend on the ICU data of the machine that rendered it.

// Dates on Chinese administrative documents are China Standard Time (UTC+8, no DST),
// whatever the server's time zone is.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaTime(iso: string): Date {
  const ms = Date.parse(iso);
  // A legal document must not show "NaN年": fail loudly on a malformed timestamp.
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp: ${iso}`);
  return new Date(ms + CST_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026年3月5日 (2026-03-05)' */
export function formatDate(iso: string): string {
  const d = chinaTime(iso);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return `${y}年${m}月${day}日 (${y}-${pad(m)}-${pad(day)})`;
}

/** '2026-03-05 14:30' in China Standard Time */
export function formatDateTime(iso: string): string {
  const d = chinaTime(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 1234567 → '¥1,234,567.00' */
export function formatYuan(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`);
  // Integer cents so that 0.1 + 0.2 style float noise never reaches the paper.
  const cents = Math.round(Math.abs(amount) * 100);
  const yuan = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}¥${yuan}.${pad(cents % 100)}`;
}

/** 1536 → '1.5 KB' */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** JSON with sorted keys: the same record gives the same text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
