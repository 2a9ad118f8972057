import { delayAfter, POLICY } from './sign-in-throttle.service';

describe('delayAfter', () => {
  test('when failures are within the free ones, then there is no wait; after them it doubles from 1 s and stops at 15 minutes', () => {
    const free = POLICY.pairFreeFailures;
    expect([0, 1, free].map((n) => delayAfter(n, free))).toEqual([0, 0, 0]);
    expect([1, 2, 3, 4].map((k) => delayAfter(free + k, free))).toEqual([1, 2, 4, 8]);
    expect(delayAfter(free + 10, free)).toBe(512);
    expect(delayAfter(free + 11, free)).toBe(POLICY.maxDelaySeconds);
    expect(delayAfter(free + 5000, free)).toBe(900);
  });
});
