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

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
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
