import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('when the duration is under a minute, then it shows seconds only', () => {
    expect(formatDuration(0)).toBe('0 seconds');
    expect(formatDuration(1)).toBe('1 second');
    expect(formatDuration(42.9)).toBe('42 seconds');
  });

  it('when the duration spans several units, then it shows the two largest adjacent ones', () => {
    expect(formatDuration(125)).toBe('2 minutes, 5 seconds');
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 59)).toBe('3 days, 4 hours');
    expect(formatDuration(86_400 + 300)).toBe('1 day');
  });
});
