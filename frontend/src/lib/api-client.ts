import { ApiError, ApiUnreachableError, type ProblemDetails } from './api-errors';

// Everything the app fetches goes through here, so credentials, headers and error
// parsing stay identical for every endpoint.
const API_BASE = '/api';
const GATEWAY_STATUSES = new Set([502, 503, 504]);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** A parsed body together with the response headers, for callers that need both. */
export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/** Calls `/api{path}` and resolves with the parsed JSON body, or throws ApiError / ApiUnreachableError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequestWithHeaders<T>(path, options)).data;
}

/** Like apiRequest, but also hands back the response headers (e.g. `Idempotent-Replayed`). */
export async function apiRequestWithHeaders<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return { data: undefined as T, headers: response.headers };
  return { data: (await response.json()) as T, headers: response.headers };
}

/** Calls `/api{path}` for a file (e.g. a PDF): the body as a Blob, errors as apiRequest's. */
export async function apiDownload(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<Blob>> {
  const response = await send(path, options, '*/*');
  return { data: await response.blob(), headers: response.headers };
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ ...options.headers, Accept: accept });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  // The API refuses cookie-authenticated writes without it (CSRF): a cross-site form cannot
  // set custom headers, so its presence proves the request came from this app.
  if (UNSAFE_METHODS.has(method)) headers.set('X-Requested-With', 'stockroom');

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    // A cancelled request is not an outage; let the caller (TanStack Query) see the abort.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiUnreachableError({ cause });
  }

  if (!response.ok) throw await toError(response, path);
  return response;
}

/** `Retry-After` is either seconds or an HTTP date; both become whole seconds from now. */
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The error for a refused RESPONSE, as every call here throws it (also for raw uploads). */
export async function toError(response: Response, path: string): Promise<Error> {
  const problem = await readProblem(response);
  const retryAfter = retryAfterSeconds(response);
  if (problem) return new ApiError(problem, { path, retryAfterSeconds: retryAfter });
  // No problem JSON on a gateway status means nginx answered because the API did not.
  if (GATEWAY_STATUSES.has(response.status)) {
    return new ApiUnreachableError({ status: response.status });
  }
  return new ApiError(
    {
      title: response.statusText || 'Request failed',
      status: response.status,
      code: 'HTTP_ERROR',
      requestId: response.headers.get('x-request-id') ?? undefined,
    },
    { path, retryAfterSeconds: retryAfter },
  );
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/application\/(problem\+)?json/.test(contentType)) return null;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return null;
    const problem = body as Partial<ProblemDetails>;
    return {
      ...problem,
      title: problem.title ?? (response.statusText || 'Request failed'),
      status: problem.status ?? response.status,
      requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
    };
  } catch {
    return null;
  }
}
