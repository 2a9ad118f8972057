import type { Db } from '../../lib/db';
import { pingDatabase } from '../../lib/db';
import { migrationStatus, type MigrationStatus } from '../../lib/migrations';

export function ping(db: Db, timeoutMs: number): Promise<void> {
  return pingDatabase(db, timeoutMs);
}

export function schemaStatus(db: Db, migrationsDir: string): Promise<MigrationStatus> {
  return migrationStatus(db, migrationsDir);
}
