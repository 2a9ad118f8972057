import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../testing/responses';
import { apiRequest, apiRequestWithHeaders } from './api-client';
import { ApiError, ApiUnreachableError } from './api-errors';

describe('apiRequest', () => {
  it('when the API answers 200, then it resolves with the JSON body and sends same-origin JSON headers', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(jsonResponse({ status: 'ok' })));
    vi.stubGlobal('fetch', fetchMock);

    await expect(apiRequest('/health')).resolves.toEqual({ status: 'ok' });

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/health');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('accept')).toBe('application/json');
  });

  it('when the API answers with problem+json, then it throws a typed ApiError', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      detail: 'Name is required',
      code: 'VALIDATION_FAILED',
      requestId: 'req-123',
      errors: [{ path: 'name', message: 'Required' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(problemResponse(problem))),
    );

    const error = await apiRequest('/v1/items', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      title: 'Validation failed',
      detail: 'Name is required',
      code: 'VALIDATION_FAILED',
      requestId: 'req-123',
      errors: [{ path: 'name', message: 'Required' }],
    });
  });

  it('when fetch itself fails, then it throws ApiUnreachableError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(apiRequest('/health')).rejects.toBeInstanceOf(ApiUnreachableError);
  });

  it('when the proxy answers 502 without problem JSON, then it throws ApiUnreachableError', async () => {
    const badGateway = new Response('<html>Bad Gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(badGateway)),
    );

    await expect(apiRequest('/health')).rejects.toMatchObject({
      name: 'ApiUnreachableError',
      status: 502,
    });
  });

  it('when a 503 carries problem JSON, then it is an ApiError because the API itself answered', async () => {
    const notReady = { title: 'Service not ready', status: 503, code: 'NOT_READY' };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(problemResponse(notReady))),
    );

    await expect(apiRequest('/ready')).rejects.toMatchObject({
      name: 'ApiError',
      code: 'NOT_READY',
    });
  });
});

describe('apiRequestWithHeaders', () => {
  it('when extra headers are given, then they are sent and the response headers come back', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ id: 1 }), {
          status: 201,
          headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);

    const result = await apiRequestWithHeaders('/v1/movements', {
      method: 'POST',
      body: { kind: 'receive' },
      headers: { 'Idempotency-Key': 'key-1' },
    });

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('idempotency-key')).toBe('key-1');
    expect(result.data).toEqual({ id: 1 });
    expect(result.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('CSRF header', () => {
  it('when sending a POST, then it carries X-Requested-With: stockroom; a GET does not', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(jsonResponse({ ok: true })));
    vi.stubGlobal('fetch', fetchMock);

    await apiRequest('/v1/items', { method: 'POST', body: { sku: 'A' } });
    await apiRequest('/v1/items');

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(new Headers(calls[0]![1].headers).get('x-requested-with')).toBe('stockroom');
    expect(calls[0]![1].credentials).toBe('same-origin');
    expect(new Headers(calls[1]![1].headers).get('x-requested-with')).toBeNull();
  });

  it('when a 429 has Retry-After, then the error carries the seconds to wait', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ title: 'Too Many Requests', status: 429, code: 'TOO_MANY_ATTEMPTS' }),
            {
              status: 429,
              headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
            },
          ),
        ),
      ),
    );

    await expect(apiRequest('/v1/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 120,
    });
  });
});
