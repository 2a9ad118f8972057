import { readdir } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Db } from './db';
import { pgCode } from './db-errors';
import type { Logger } from './logger';
import { retryWithBackoff } from './retry';

export interface MigrationStatus {
  /** Newest migration applied to the database, or null on an empty database. */
  current: string | null;
  pending: string[];
  /** Applied migrations this code does not have: the database is newer than the code. */
  unknown: string[];
}

export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `The database schema is newer than this version of Stockroom: it holds migrations this ` +
        `version does not know (${unknown.join(', ')}). Run the Stockroom version that created ` +
        `them, or restore a backup taken before the upgrade.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

const migratorConfig = (directory: string): Knex.MigratorConfig => ({
  directory,
  loadExtensions: ['.js'],
  tableName: 'knex_migrations',
  // We check for unknown migrations ourselves to explain what it means.
  disableMigrationsListValidation: true,
});

// The files ship with the code and never change while it runs, yet /api/ready (probed every
// few seconds) asks for them: list each directory once.
const filesByDirectory = new Map<string, Promise<string[]>>();

function migrationFiles(directory: string): Promise<string[]> {
  let files = filesByDirectory.get(directory);
  if (!files) {
    files = readdir(directory).then((all) => all.filter((f) => f.endsWith('.js')).sort());
    files.catch(() => filesByDirectory.delete(directory));
    filesByDirectory.set(directory, files);
  }
  return files;
}

// One query, no catalogue lookup first: /api/ready asks this on every probe, also under load.
async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const rows = await db<{ name: string }>('knex_migrations').select('name').orderBy('id');
    return rows.map((r) => r.name);
  } catch (error) {
    if (pgCode(error) === '42P01') return []; // no such table: nothing migrated yet
    throw error;
  }
}

export async function migrationStatus(db: Db, directory: string): Promise<MigrationStatus> {
  const files = await migrationFiles(directory);
  const applied = await appliedMigrations(db);
  const appliedSet = new Set(applied);
  const known = new Set(files);
  return {
    current: applied.at(-1) ?? null,
    pending: files.filter((f) => !appliedSet.has(f)),
    unknown: applied.filter((f) => !known.has(f)),
  };
}

// Two replicas starting on an empty database can race to create knex's own tables or the
// lock row; the loser retries and then finds nothing left to do.
const isStartupRace = (error: unknown) =>
  (error as Error | null)?.name === 'MigrationLocked' ||
  ['23505', '42P07'].includes(pgCode(error) ?? '');

// Any constant both for every replica: the key of the advisory lock that serialises
// preparing knex's lock table.
const LOCK_TABLE_KEY = 727_001;

/**
 * knex creates its lock table and inserts the table's one row without any lock: replicas
 * starting together on an empty database can each insert a row. With two rows knex's lock
 * (an UPDATE … WHERE is_locked = 0 that must touch exactly one row) then fails forever with
 * "Migration table is already locked", and no replica ever migrates. So the table and its
 * single row are made here, one replica at a time (a transaction-scoped advisory lock: no
 * connection is held while knex migrates, so this works with a pool of one), and extra rows
 * left by that race in the past are removed.
 */
async function prepareLockTable(db: Db, logger: Logger): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [LOCK_TABLE_KEY]);
    await trx.raw(
      'create table if not exists knex_migrations_lock ("index" serial primary key, is_locked integer)',
    );
    const removed = await trx.raw<{ rowCount: number }>(
      `delete from knex_migrations_lock where "index" <>
         (select "index" from knex_migrations_lock order by is_locked desc, "index" limit 1)`,
    );
    if (removed.rowCount > 0)
      logger.warn({ removed: removed.rowCount }, 'removed duplicate rows of knex_migrations_lock');
    await trx.raw(
      'insert into knex_migrations_lock (is_locked) select 0 where not exists (select 1 from knex_migrations_lock)',
    );
  });
}

/** Brings the schema up to date under knex's migration lock. */
export async function runMigrations(
  db: Db,
  directory: string,
  logger: Logger,
  timeoutMs = 120_000,
): Promise<MigrationStatus> {
  const before = await migrationStatus(db, directory);
  if (before.unknown.length > 0) throw new SchemaTooNewError(before.unknown);
  logger.info({ current: before.current, pending: before.pending }, 'running database migrations');
  await prepareLockTable(db, logger);
  const [batch, applied] = (await retryWithBackoff(
    () => db.migrate.latest(migratorConfig(directory)),
    {
      timeoutMs,
      shouldRetry: isStartupRace,
      onRetry: (error, attempt, delayMs) =>
        logger.warn(
          { attempt, delayMs, reason: (error as Error).message },
          'migrations busy, retrying',
        ),
    },
  )) as [number, string[]];
  const after = await migrationStatus(db, directory);
  logger.info({ batch, applied, schemaVersion: after.current }, 'database migrations complete');
  return after;
}
