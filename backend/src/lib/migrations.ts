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

export async function migrationStatus(db: Db, directory: string): Promise<MigrationStatus> {
  const files = await migrationFiles(directory);
  const hasTable = await db.schema.hasTable('knex_migrations');
  const applied: string[] = hasTable
    ? (await db('knex_migrations').select('name').orderBy('id')).map(
        (r: { name: string }) => r.name,
      )
    : [];
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
