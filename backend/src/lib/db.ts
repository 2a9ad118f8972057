import knex, { type Knex } from 'knex';
import type { Config } from './config';
import type { Logger } from './logger';
import { retryWithBackoff } from './retry';

export type Db = Knex;
export type DbOrTrx = Knex | Knex.Transaction;

/** How a pool connects and waits; the application's pool and the readiness probe differ. */
interface PoolOptions {
  applicationName: string;
  poolMax: number;
  acquireTimeoutMs: number;
  connectTimeoutMs: number;
  /** Server-side limit per statement (PostgreSQL's statement_timeout); none when absent. */
  statementTimeoutMs?: number;
}

export function createDb(config: Pick<Config, 'database'>, logger?: Logger): Db {
  return createPool(config, logger, {
    applicationName: 'stockroom-api',
    poolMax: config.database.poolMax,
    acquireTimeoutMs: 10_000,
    // Fail fast when the server is away, so requests get a 503 instead of hanging.
    connectTimeoutMs: 5000,
  });
}

/**
 * The readiness probe's own pool: one connection, short timeouts. /api/ready must say whether
 * the database answers, not how long the application's queue is: on the application's pool
 * a probe under load waited behind every request for a connection (4-12 s seen), and Docker
 * marked a serving API unhealthy.
 */
export function createProbeDb(config: Pick<Config, 'database'>, logger?: Logger): Db {
  return createPool(config, logger, {
    applicationName: 'stockroom-api-probe',
    poolMax: 1,
    acquireTimeoutMs: 2000,
    connectTimeoutMs: 2000,
    statementTimeoutMs: 2000,
  });
}

function createPool(
  config: Pick<Config, 'database'>,
  logger: Logger | undefined,
  o: PoolOptions,
): Db {
  const { database: d } = config;
  // knex would print to the console; its messages belong in the structured log.
  const log = logger?.child({ component: 'knex', pool: o.applicationName });
  return knex({
    log: {
      warn: (m: unknown) => log?.warn({ detail: String(m) }, 'knex warning'),
      error: (m: unknown) => log?.error({ detail: String(m) }, 'knex error'),
      deprecate: (m: unknown) => log?.warn({ detail: String(m) }, 'knex deprecation'),
      debug: () => undefined,
    },
    client: 'pg',
    connection: {
      ...(d.connectionString
        ? { connectionString: d.connectionString }
        : { host: d.host, port: d.port, user: d.user, password: d.password, database: d.database }),
      application_name: o.applicationName,
      connectionTimeoutMillis: o.connectTimeoutMs,
      ...(o.statementTimeoutMs ? { statement_timeout: o.statementTimeoutMs } : {}),
      // PostgreSQL's JIT compiles any statement whose estimated cost passes 100,000 (with
      // inlining and optimisation past 500,000): an export's cursor over 1M movements spent
      // 1.3 s compiling before its first row (7 s at load 10), and the import's set-based
      // statements pay the same per statement. Every statement here is either small or
      // streamed, where compiling never pays back (decision 0034).
      options: '-c jit=off',
    },
    pool: { min: 0, max: o.poolMax },
    acquireConnectionTimeout: o.acquireTimeoutMs,
  });
}

/** Runs a trivial query, bounded by `timeoutMs` whatever the pool or network does. */
export async function pingDatabase(db: Db, timeoutMs = 2000): Promise<void> {
  await withTimeout(db.raw('select 1'), timeoutMs);
}

/** Pings until the database answers, with backoff, for up to `connectTimeoutMs`. */
export async function waitForDatabase(
  db: Db,
  config: Pick<Config, 'database'>,
  logger: Logger,
): Promise<void> {
  await retryWithBackoff(() => pingDatabase(db, 5000), {
    timeoutMs: config.database.connectTimeoutMs,
    onRetry: (error, attempt, delayMs) =>
      logger.warn(
        { attempt, delayMs, reason: (error as Error).message },
        'database not reachable yet, retrying',
      ),
  });
}

/** `work`, or an error once `timeoutMs` has passed (the work itself is not cancelled). */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
