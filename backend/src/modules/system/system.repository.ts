import type { Db } from '../../lib/db';
import { migrationStatus, type MigrationStatus } from '../../lib/migrations';

export function schemaStatus(db: Db, migrationsDir: string): Promise<MigrationStatus> {
  return migrationStatus(db, migrationsDir);
}
