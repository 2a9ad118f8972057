import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './format-date';
import { endOfDayIso, startOfDayIso } from './zone-time';

describe('formatDateTime', () => {
  it('when given an instant and a zone, then it shows day, month name, year and 24-hour time there', () => {
    expect(formatDateTime('2026-11-22T15:05:00.000Z', 'UTC')).toBe('22 Nov 2026, 15:05');
    expect(formatDateTime('2026-11-22T15:05:00.000Z', 'Europe/Berlin')).toBe('22 Nov 2026, 16:05');
  });

  it('when given a time of day, then it is the 24-hour clock in that zone', () => {
    expect(formatTime('2026-11-22T23:30:00.000Z', 'Asia/Tokyo')).toBe('08:30');
  });

  it('when the value is not a date, then it shows a dash rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'UTC')).toBe('—');
  });
});

describe('startOfDayIso and endOfDayIso', () => {
  it('when the team is in another zone than the browser, then the day starts at its midnight there', () => {
    expect(startOfDayIso('2026-11-22', 'UTC')).toBe('2026-11-22T00:00:00.000Z');
    expect(startOfDayIso('2026-11-22', 'Asia/Tokyo')).toBe('2026-11-21T15:00:00.000Z');
    expect(endOfDayIso('2026-11-22', 'America/New_York')).toBe('2026-11-23T05:00:00.000Z');
  });

  it('when the day has a daylight-saving change, then its end is still the next midnight', () => {
    // Berlin leaves summer time on 25 Oct 2026: that day is 25 hours long.
    expect(startOfDayIso('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfDayIso('2026-10-25', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDayIso('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDayIso('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('when the date is not a real day, then there is no instant', () => {
    expect(startOfDayIso('2026-02-31', 'UTC')).toBeUndefined();
    expect(endOfDayIso('yesterday', 'UTC')).toBeUndefined();
  });
});
