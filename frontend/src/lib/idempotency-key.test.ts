import { describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('when randomUUID is available, then it is used', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
  });

  it('when the page is not a secure context (no randomUUID), then it still makes a v4 UUID', () => {
    vi.spyOn(crypto, 'randomUUID').mockImplementation(undefined as never);
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });

    const key = newIdempotencyKey();

    expect(key).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
