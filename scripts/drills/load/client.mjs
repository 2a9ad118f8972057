// The load generator's HTTP client: fetch with the run's API token, each request bounded by
// a timeout, and every outcome (answer, timeout, network error) turned into a value.
import { parseJson } from '../http.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One request, bounded by timeoutMs (headers and body). Never throws. */
export async function request(ctx, method, path, { body, headers = {} } = {}) {
  const start = Date.now();
  let status = 0;
  let error = null;
  let json = null;
  let replayed = false;
  try {
    const res = await fetch(ctx.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${ctx.token}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    status = res.status;
    replayed = res.headers.get('idempotent-replayed') === 'true';
    json = parseJson(await res.text()) ?? null;
    if (status >= 400) {
      // The API's own problems carry a requestId; nginx's (API unreachable) do not.
      const code = json?.code ?? 'non-json';
      const problem = /^application\/problem\+json/.test(res.headers.get('content-type') ?? '');
      error = `${status} ${code}${json && !json.requestId ? ' (proxy)' : ''}${problem ? '' : ' (not problem+json)'}`;
    }
  } catch (e) {
    status = 0;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') error = 'timeout';
    else error = `net ${e?.cause?.code ?? e?.cause?.name ?? e?.name ?? 'error'}`;
  }
  return { status, error, json, replayed, start, ms: Date.now() - start };
}

/** 2xx and 4xx are the API's answer; 5xx, timeouts and network errors (0) may change. */
export const definitive = (status) => status >= 200 && status < 500;
