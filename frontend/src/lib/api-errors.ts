/** One entry of a problem's `errors` array, e.g. a failed field validation. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details as the Stockroom API sends them, plus any extension members. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

/** The API answered, and the answer was an error. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  /** The whole body, so callers can read extension members such as `checks`. */
  readonly problem: ProblemDetails;
  /** The API path that answered (e.g. `/v1/items`), so a 401 can be told apart by endpoint. */
  readonly path: string | undefined;
  /** Seconds to wait, from a `Retry-After` header (429, 503), if the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    problem: ProblemDetails,
    options: { path?: string; retryAfterSeconds?: number | undefined } = {},
  ) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.path = options.path;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code ?? 'UNKNOWN';
    this.requestId = problem.requestId;
    this.errors = problem.errors;
  }
}

/**
 * The API could not be reached at all: fetch rejected, or the proxy answered 502/503/504
 * on its behalf. Kept separate from ApiError because the UI says something different
 * ("the server may be starting up") and retrying is worthwhile.
 */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
  /** The proxy's status code, if there was a response at all. */
  readonly status: number | undefined;

  constructor(options: { status?: number; cause?: unknown } = {}) {
    super('The Stockroom API could not be reached', { cause: options.cause });
    this.status = options.status;
  }
}

// A 401 from these is an answer about credentials, not a sign that the session has gone.
const CREDENTIAL_PATHS = ['/v1/auth/me', '/v1/auth/login', '/v1/auth/setup'];

/**
 * True when the server no longer recognises who is asking (expired or ended session), so the
 * app should send the person to sign in. A 401 with another code (e.g. INVALID_CREDENTIALS
 * for a wrong current password) is a form error instead.
 */
export function isSessionLost(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 401) return false;
  if (error.path !== undefined && CREDENTIAL_PATHS.includes(error.path.split('?')[0] ?? '')) {
    return false;
  }
  return (
    error.code === 'UNAUTHENTICATED' || error.code === 'HTTP_ERROR' || error.code === 'UNKNOWN'
  );
}

/**
 * One sentence for a failed action, in words a person can act on. `doing` completes
 * "You don't have permission to …" for a 403, e.g. "archive items".
 */
export function describeActionError(error: unknown, doing?: string): string {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.code === 'CSRF_REJECTED') {
      return 'The server refused this request as a possible cross-site request. Reload the page and try again.';
    }
    if (error.status === 403) {
      const lead = `You don't have permission to ${doing ?? 'do this'}.`;
      return error.detail ? `${lead} ${error.detail}` : lead;
    }
    return error.detail ?? error.title;
  }
  return 'Stockroom could not reach its server. Try again.';
}
