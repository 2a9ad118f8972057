import { conflict, unprocessable } from './errors';

// PostgreSQL error codes the repositories translate into client errors.
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '53300', // too_many_connections
]);

interface PgLikeError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  constraint?: unknown;
  syscall?: unknown;
}

export function pgCode(error: unknown): string | undefined {
  const code = (error as PgLikeError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  const c = (error as PgLikeError | null)?.constraint;
  return typeof c === 'string' ? c : undefined;
}

/** True when the database could not be reached, as opposed to a query being wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as PgLikeError | null;
  if (!e || typeof e !== 'object') return false;
  const code = pgCode(e);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  // Connecting through a Unix socket (the compose stack) while PostgreSQL restarts: its
  // socket file is gone until the new server has started.
  if (code === 'ENOENT' && e.syscall === 'connect') return true;
  if (e.name === 'KnexTimeoutError') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  // pg's errors without a code: the connection dropped, or a query was sent on a client that
  // had already lost it ("... is not queryable"; also what knex's ROLLBACK of such a
  // transaction fails with, and that error replaces the original one).
  return /Connection terminated|timeout exceeded when trying to connect|Connection ended|is not queryable/i.test(
    message,
  );
}

/**
 * Turns a constraint violation into the domain error registered for that constraint, and
 * rethrows anything else unchanged. Unknown unique or foreign-key violations still become
 * client errors (409 / 422) rather than 500s.
 */
export function mapConstraintError(
  error: unknown,
  byConstraint: Record<string, () => Error>,
): never {
  const code = pgCode(error);
  const constraint = pgConstraint(error);
  const mapped = constraint ? byConstraint[constraint] : undefined;
  if (
    mapped &&
    (code === PG_UNIQUE_VIOLATION ||
      code === PG_FOREIGN_KEY_VIOLATION ||
      code === PG_CHECK_VIOLATION)
  ) {
    throw mapped();
  }
  if (code === PG_UNIQUE_VIOLATION)
    throw conflict('ALREADY_EXISTS', 'A record with the same unique value already exists.');
  if (code === PG_FOREIGN_KEY_VIOLATION)
    throw unprocessable(
      'REFERENCE_NOT_FOUND',
      'The request refers to a record that does not exist or is still in use.',
    );
  throw error;
}
