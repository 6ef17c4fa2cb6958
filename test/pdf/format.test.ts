import { describe, expect, it } from 'vitest';
import { canonicalJson, formatBytes, formatDate, formatDateTime, formatYuan } from '../../src/pdf/format.js';

describe('formatYuan', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatYuan(1234567)).toBe('¥1,234,567.00');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(999.5)).toBe('¥999.50');
    expect(formatYuan(1_000_000_000)).toBe('¥1,000,000,000.00');
  });
  it('rounds float noise to the cent', () => {
    expect(formatYuan(0.1 + 0.2)).toBe('¥0.30');
    expect(formatYuan(-1234.5)).toBe('-¥1,234.50');
  });
  it('refuses what is not an amount', () => {
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe('dates in China Standard Time', () => {
  it('crosses midnight at 16:00 UTC', () => {
    expect(formatDate('2026-12-31T15:59:59Z')).toBe('2026年12月31日 (2026-12-31)');
    expect(formatDate('2026-12-31T16:00:00Z')).toBe('2027年1月1日 (2027-01-01)');
    expect(formatDateTime('2026-01-05T01:00:00Z')).toBe('2026-01-05 09:00');
  });
  it('refuses a malformed timestamp instead of printing NaN', () => {
    expect(() => formatDate('yesterday')).toThrow(RangeError);
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined fields, but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, e: undefined }))
      .toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
