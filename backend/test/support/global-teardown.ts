import knex from 'knex';
import type { LocalPostgres } from '../../tools/local-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __stockroomPg?: LocalPostgres }).__stockroomPg;
  if (pg) {
    await pg.stop();
    return;
  }
  // An external server outlives the run: remove what we made on it.
  const admin = knex({
    client: 'pg',
    connection: process.env.TEST_ADMIN_DATABASE_URL,
    pool: { min: 0, max: 1 },
  });
  const { rows } = await admin.raw<{ rows: { datname: string }[] }>(
    "select datname from pg_database where datname like 'stockroom\\_t\\_%' or datname = ?",
    [process.env.TEST_TEMPLATE_DATABASE ?? ''],
  );
  for (const { datname } of rows)
    await admin.raw('drop database if exists ?? with (force)', [datname]);
  await admin.destroy();
}
