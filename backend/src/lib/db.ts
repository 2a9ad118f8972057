import knex, { type Knex } from 'knex';
import type { Config } from './config';
import type { Logger } from './logger';

export type Db = Knex;
export type DbOrTrx = Knex | Knex.Transaction;

export function createDb(config: Pick<Config, 'database'>, logger?: Logger): Db {
  const { database: d } = config;
  // knex would print to the console; its messages belong in the structured log.
  const log = logger?.child({ component: 'knex' });
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
      application_name: 'stockroom-api',
      // Fail fast when the server is away, so requests get a 503 instead of hanging.
      connectionTimeoutMillis: 5000,
    },
    pool: { min: 0, max: d.poolMax },
    acquireConnectionTimeout: 10_000,
  });
}

/** Runs a trivial query, bounded by `timeoutMs` whatever the pool or network does. */
export async function pingDatabase(db: Db, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.raw('select 1'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
