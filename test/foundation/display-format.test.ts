import { describe, expect, it } from 'vitest';
import {
  beijingDate, beijingDateChinese, beijingDateTime, beijingDateTimeSeconds, beijingDayEnd, beijingDayStart, beijingToday, yuan,
} from '../../workflows/display-format';

// 00:30 on 5 March in Beijing is still 4 March in UTC: the day people see must be the 5th.
const HALF_PAST_MIDNIGHT = '2026-03-04T16:30:00.000Z';

describe('the display formatter', () => {
  it('shows instants on the Beijing calendar and clock', () => {
    expect(beijingDate(HALF_PAST_MIDNIGHT)).toBe('2026-03-05');
    expect(beijingDateTime(HALF_PAST_MIDNIGHT)).toBe('2026-03-05 00:30');
    expect(beijingDateTimeSeconds('2026-03-04T16:30:07.123Z')).toBe('2026-03-05 00:30:07');
    expect(beijingDateChinese(HALF_PAST_MIDNIGHT)).toBe('2026年3月5日');
    expect(beijingToday(new Date(HALF_PAST_MIDNIGHT))).toBe('2026-03-05');
    expect(beijingDate('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(beijingDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });

  it('keeps a calendar date a date and never prints garbage', () => {
    expect(beijingDate('2027-01-15')).toBe('2027-01-15');
    expect(beijingDateTime('2027-01-15')).toBe('2027-01-15');
    expect(beijingDate(null)).toBe('—');
    expect(beijingDateTime('not a time')).toBe('—');
    expect(() => beijingDateChinese('nope')).toThrow(RangeError);
  });

  it('turns a Beijing day into the UTC range that holds it', () => {
    expect(beijingDayStart('2026-03-05')).toBe('2026-03-04T16:00:00.000Z');
    expect(beijingDayEnd('2026-03-05')).toBe('2026-03-05T16:00:00.000Z');
    expect(HALF_PAST_MIDNIGHT >= beijingDayStart('2026-03-05') && HALF_PAST_MIDNIGHT < beijingDayEnd('2026-03-05')).toBe(true);
  });

  it('groups amounts by thousands', () => {
    expect(yuan(3_000_000)).toBe('¥3,000,000');
    expect(yuan(2_500_000.5)).toBe('¥2,500,000.50');
    expect(yuan(999)).toBe('¥999');
    expect(yuan(-1234)).toBe('-¥1,234');
    expect(yuan(null)).toBe('—');
  });
});
