/**
 * The members of a problem body the error layer writes itself (RFC 9457's five and
 * Stockroom's `code` and `requestId`): the HTTP status, the stable code and the request id
 * are what every client reads first, so a feature's detail must never replace one of them.
 */
export const RESERVED_PROBLEM_MEMBERS = [
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'requestId',
] as const;
type ReservedMember = (typeof RESERVED_PROBLEM_MEMBERS)[number];

/**
 * A feature's extension members (RFC 9457 section 3.2), sent beside the standard ones at the
 * top of the body, e.g. `{ sessionId, sessionStatus }`. A name from RESERVED_PROBLEM_MEMBERS
 * does not type-check: name the detail for what it is (`sessionStatus`, not `status`).
 */
export type ProblemExtensions = Record<string, unknown> & {
  [member in ReservedMember]?: never;
};

/** Splits details into what may be sent and the reserved names a cast let through. */
export function problemExtensions(details: Record<string, unknown> = {}): {
  extensions: ProblemExtensions;
  reserved: string[];
} {
  const reserved = RESERVED_PROBLEM_MEMBERS.filter((m) => Object.hasOwn(details, m));
  const extensions = Object.fromEntries(
    Object.entries(details).filter(([name]) => !reserved.includes(name as ReservedMember)),
  ) as ProblemExtensions;
  return { extensions, reserved };
}

/** A failure the client can act on. Services throw these; one middleware renders them. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: ProblemExtensions,
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

export const notFound = (code: string, detail: string, details?: ProblemExtensions) =>
  new AppError(code, 404, detail, details);
export const conflict = (code: string, detail: string, details?: ProblemExtensions) =>
  new AppError(code, 409, detail, details);
export const unprocessable = (code: string, detail: string, details?: ProblemExtensions) =>
  new AppError(code, 422, detail, details);
export const serviceUnavailable = (detail: string, details?: ProblemExtensions) =>
  new AppError('SERVICE_UNAVAILABLE', 503, detail, details);

/** `value`, or throw the given error when it is missing. */
export function orThrow<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error();
  return value;
}
