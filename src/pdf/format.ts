// Value formatting for decision documents. Written by hand rather than with Intl so that the
// bytes of a PDF never depend on the ICU data of the machine that rendered it.

import { beijingDate, beijingDateChinese, beijingDateTime } from '../../workflows/display-format.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026年3月5日 (2026-03-05)', China Standard Time (the one display formatter). */
export function formatDate(iso: string): string {
  return `${beijingDateChinese(iso)} (${beijingDate(iso)})`;
}

/** '2026-03-05 14:30' in China Standard Time */
export function formatDateTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) throw new RangeError(`Not an ISO timestamp: ${iso}`);
  return beijingDateTime(iso);
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
