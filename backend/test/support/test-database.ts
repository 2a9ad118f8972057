import { randomBytes } from 'node:crypto';
import knex from 'knex';
import { provisionAppDatabase } from '../../src/lib/provision';
import { TEST_APP_ROLE, withDatabase, withRole } from './urls';

export interface TestDatabase {
  name: string;
  /** As the API's role (not a superuser), like the API in production. */
  url: string;
  /** The same database as the superuser. */
  adminUrl: string;
  /** A superuser connection to the server, for breaking things on purpose. */
  admin: ReturnType<typeof knex>;
  drop(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup).`);
  return value;
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = env('TEST_ADMIN_DATABASE_URL');
  const name = `stockroom_t_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 2 } });
  if (options.empty) {
    // Empty of application objects, but provisioned for the API's role as the stack's db is.
    await admin.raw('create database ??', [name]);
    const dbAdmin = knex({ client: 'pg', connection: withDatabase(adminUrl, name) });
    try {
      await provisionAppDatabase(dbAdmin, TEST_APP_ROLE);
    } finally {
      await dbAdmin.destroy();
    }
  } else {
    await cloneTemplate(admin, name, env('TEST_TEMPLATE_DATABASE'));
  }
  return {
    name,
    url: withRole(withDatabase(adminUrl, name), TEST_APP_ROLE),
    adminUrl: withDatabase(adminUrl, name),
    admin,
    drop: async () => {
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}

async function cloneTemplate(
  admin: ReturnType<typeof knex>,
  name: string,
  template: string,
): Promise<void> {
  // Parallel clones can briefly see each other on the template (55006); try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.raw('create database ?? template ??', [name, template]);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
