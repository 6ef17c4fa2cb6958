// The one formatter for what people read: times, dates and amounts. Every page, fragment, CSV
// and PDF goes through it, so a date never differs between the queue, the letter and the
// verification page. Times are stored in UTC and shown in China Standard Time (Asia/Shanghai,
// UTC+8 all year, no daylight saving), whatever the server's own zone is. Written by hand rather
// than with Intl so that the bytes of a PDF never depend on the ICU data of the machine.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Beijing for a stored instant, as a Date read with getUTC* methods. */
function beijing(iso: string): Date | null {
  // A calendar date without a time (a repayment due date) is already a Beijing date.
  if (DATE_ONLY.test(iso)) return new Date(`${iso}T00:00:00.000Z`);
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CST_OFFSET_MS);
}

const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** '2026-03-05' (Beijing date of the instant); '—' when there is none. */
export function beijingDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = beijing(iso);
  return d ? ymd(d) : '—';
}

/** '2026-03-05 14:30' in Beijing time; a date-only value stays a date. */
export function beijingDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (DATE_ONLY.test(iso)) return iso;
  const d = beijing(iso);
  return d ? `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '—';
}

/** '2026-03-05 14:30:07' in Beijing time, for the audit trail where seconds matter. */
export function beijingDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = beijing(iso);
  return d ? `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '—';
}

/** '2026年3月5日', the date as Chinese administrative documents write it. */
export function beijingDateChinese(iso: string): string {
  const d = beijing(iso);
  // A legal document must not show "NaN年": fail loudly on a malformed timestamp.
  if (!d) throw new RangeError(`Not an ISO timestamp: ${iso}`);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Today's date in Beijing, for file names and default date ranges. */
export const beijingToday = (now: Date): string => ymd(new Date(now.getTime() + CST_OFFSET_MS));

/** The UTC instant at which a Beijing calendar day begins: '2026-03-05' → '2026-03-04T16:00:00.000Z'. */
export const beijingDayStart = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS).toISOString();

/** The UTC instant at which a Beijing calendar day ends (exclusive: the next day's start). */
export const beijingDayEnd = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS + 86_400_000).toISOString();

/** Digits grouped by thousands: 3000000 → '3,000,000'; fractions kept to two places. */
export function groupDigits(n: number): string {
  const abs = Math.abs(n);
  const whole = Math.floor(Math.round(abs * 100) / 100);
  const cents = Math.round(abs * 100) % 100;
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${cents ? `.${pad(cents)}` : ''}`;
}

/** 3000000 → '¥3,000,000'; '—' when there is no amount. */
export function yuan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n < 0 ? `-¥${groupDigits(-n)}` : `¥${groupDigits(n)}`;
}
