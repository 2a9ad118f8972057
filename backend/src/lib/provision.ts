import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './db';

// The database roles (docs/decisions/0011-database-roles.md): the SQL in db/provision is the
// one source, run by the db-provision service of the Compose stack and by the tests' global
// setup, always as the administrative (superuser) role.

export const DEFAULT_PROVISION_DIR = path.resolve(__dirname, '../../../db/provision');

export interface AppRole {
  user: string;
  password: string;
}

async function runFile(
  admin: Db,
  file: string,
  settings: Record<string, string>,
  dir: string,
): Promise<void> {
  const sql = await readFile(path.join(dir, file), 'utf8');
  // Parameters as transaction-local settings: the SQL stays plain SQL (no psql variables)
  // and nothing is spliced into it here.
  await admin.transaction(async (trx) => {
    for (const [key, value] of Object.entries(settings))
      await trx.raw('select set_config(?, ?, true)', [`stockroom.${key}`, value]);
    await trx.raw(sql);
  });
}

/** Creates or updates the API's login role (cluster-wide). Idempotent. */
export function provisionAppRole(
  admin: Db,
  role: AppRole,
  dir = DEFAULT_PROVISION_DIR,
): Promise<void> {
  return runFile(
    admin,
    '01-app-role.sql',
    { app_user: role.user, app_password: role.password },
    dir,
  );
}

/**
 * In the database `admin` is connected to: grants, pg_trgm, ownership of every application
 * object to the API's role, and the ledger guard. Idempotent.
 */
export function provisionAppDatabase(
  admin: Db,
  role: Pick<AppRole, 'user'>,
  dir = DEFAULT_PROVISION_DIR,
): Promise<void> {
  return runFile(admin, '02-app-database.sql', { app_user: role.user }, dir);
}
