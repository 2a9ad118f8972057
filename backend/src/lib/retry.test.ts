import { retryWithBackoff } from './retry';

describe('retryWithBackoff', () => {
  test('when the call fails twice then succeeds, then it returns the result after two retries', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      () => (++calls < 3 ? Promise.reject(new Error(`fail ${calls}`)) : Promise.resolve('ok')),
      { timeoutMs: 5000, initialDelayMs: 5, onRetry: (_e, _a, d) => delays.push(d) },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([5, 10]);
  });

  test('when the error is not retryable, then it fails at once', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(() => (calls++, Promise.reject(new Error('fatal'))), {
        timeoutMs: 5000,
        shouldRetry: () => false,
      }),
    ).rejects.toThrow('fatal');
    expect(calls).toBe(1);
  });

  test('when time runs out, then the last error is thrown', async () => {
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('still down')), {
        timeoutMs: 30,
        initialDelayMs: 10,
      }),
    ).rejects.toThrow('still down');
  });
});
