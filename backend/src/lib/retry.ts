export interface RetryOptions {
  /** Give up once this much time has passed since the first attempt. */
  timeoutMs: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Return false to fail at once instead of retrying. */
  shouldRetry?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `fn` with exponential backoff (doubling, capped) until it succeeds or time runs out. */
export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { timeoutMs, initialDelayMs = 250, maxDelayMs = 5000, shouldRetry = () => true } = options;
  const deadline = Date.now() + timeoutMs;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (!shouldRetry(error) || remaining <= 0) throw error;
      const wait = Math.min(delay, remaining);
      options.onRetry?.(error, attempt, wait);
      await sleep(wait);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
