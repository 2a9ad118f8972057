/** A failure the client can act on. Services throw these; one middleware renders them. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, with Stockroom's machine-readable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `urn:stockroom:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export const notFound = (code: string, detail: string, details?: Record<string, unknown>) =>
  new AppError(code, 404, detail, details);
export const conflict = (code: string, detail: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, detail, details);
export const unprocessable = (code: string, detail: string, details?: Record<string, unknown>) =>
  new AppError(code, 422, detail, details);
export const serviceUnavailable = (detail: string, details?: Record<string, unknown>) =>
  new AppError('SERVICE_UNAVAILABLE', 503, detail, details);

/** `value`, or throw the given error when it is missing. */
export function orThrow<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error();
  return value;
}
