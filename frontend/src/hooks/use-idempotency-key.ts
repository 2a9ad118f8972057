import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../lib/idempotency-key';

/**
 * One Idempotency-Key per intended write. `keyFor(body)` hands back the same key while the
 * body is unchanged (a retry after a network failure must reuse it, so the server can spot a
 * request that did land), and a new one as soon as the body differs. Call `renew()` once the
 * server has answered, so the next write is a new one.
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const serialized = JSON.stringify(body);
    if (current.current?.body !== serialized) {
      current.current = { key: newIdempotencyKey(), body: serialized };
    }
    return current.current.key;
  }, []);
  const renew = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, renew };
}
