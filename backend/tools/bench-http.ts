// What the bench flows (bench-flows.ts) share: where the API is, and a JSON call that fails
// loudly with the problem+json the API (or nginx) answered.

export interface Target {
  /** The product URL (nginx), without /api. */
  base: string;
  /** The bearer token's header. */
  auth: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function call<T>(
  t: Target,
  method: string,
  path: string,
  expect: number,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${t.base}/api/v1${path}`, {
    method,
    headers: body === undefined ? t.auth : { ...t.auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== expect)
    throw new HttpError(res.status, `${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const seconds = (since: number) => (performance.now() - since) / 1000;
