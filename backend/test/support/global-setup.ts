// Once per `jest` run: a PostgreSQL server (embedded unless DATABASE_URL points at one), the
// API's role, and a template database, provisioned like the stack's and migrated by the API's
// role, that every test file clones.
import knex from 'knex';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/lib/config';
import { createLogger } from '../../src/lib/logger';
import { runMigrations } from '../../src/lib/migrations';
import { provisionAppDatabase, provisionAppRole } from '../../src/lib/provision';
import { startLocalPostgres } from '../../tools/local-postgres';
import { TEST_APP_ROLE, withDatabase, withRole } from './urls';

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startLocalPostgres({ fast: true });
    (globalThis as { __stockroomPg?: typeof pg }).__stockroomPg = pg;
    adminUrl = pg.url('postgres');
  }
  const template = `stockroom_template_${process.pid}`;
  const admin = knex({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  await admin.raw('drop database if exists ?? with (force)', [template]);
  await admin.raw('create database ??', [template]);
  await admin.destroy();

  const templateAdmin = knex({
    client: 'pg',
    connection: withDatabase(adminUrl, template),
    pool: { min: 0, max: 1 },
  });
  await provisionAppRole(templateAdmin, TEST_APP_ROLE);
  await provisionAppDatabase(templateAdmin, TEST_APP_ROLE);
  await templateAdmin.destroy();

  const db = knex({
    client: 'pg',
    connection: withRole(withDatabase(adminUrl, template), TEST_APP_ROLE),
    pool: { min: 0, max: 1 },
  });
  await runMigrations(db, DEFAULT_MIGRATIONS_DIR, createLogger({ logLevel: 'silent' }));
  await db.destroy();

  // Workers start after this and inherit the environment.
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
}
