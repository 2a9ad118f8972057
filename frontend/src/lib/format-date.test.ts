import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './format-date';

describe('formatDateTime', () => {
  it('when given an instant and a zone, then it shows day, month name, year and 24-hour time there', () => {
    expect(formatDateTime('2026-11-22T15:05:00.000Z', 'UTC')).toBe('22 Nov 2026, 15:05');
    expect(formatDateTime('2026-11-22T15:05:00.000Z', 'Europe/Berlin')).toBe('22 Nov 2026, 16:05');
  });

  it('when given a time of day, then it is the 24-hour clock in that zone', () => {
    expect(formatTime('2026-11-22T23:30:00.000Z', 'Asia/Tokyo')).toBe('08:30');
  });

  it('when the value is not a date, then it shows a dash rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date')).toBe('—');
  });
});
