import { once } from 'node:events';
import type { Knex } from 'knex';
import { createDb, type Db } from '../src/lib/db';
import { isDatabaseUnavailable } from '../src/lib/db-errors';
import { transaction } from '../src/lib/transaction';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { testConfig } from './support/test-app';

// What a PostgreSQL restart does to a transaction that is between two queries: the server
// ends the connection, the driver notices, and every later query on that client (including
// knex's ROLLBACK, whose error replaces the original one) fails with "not queryable".
// Found by scripts/drills/02-db-restart.sh: it used to be a 500 instead of a 503.
describe('when the database connection dies inside a transaction', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(testConfig({ DATABASE_URL: database.url }));
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  /** The pg client a knex transaction runs on (knex binds it to the transaction). */
  const clientOf = (trx: Knex.Transaction) =>
    (trx.client as { acquireConnection(): Promise<NodeJS.EventEmitter> }).acquireConnection();

  test('then the error it fails with counts as the database being unavailable (503), and the next query works', async () => {
    const error = await transaction(db, async (trx) => {
      const { rows } = await trx.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid');
      const ended = once(await clientOf(trx), 'end');
      await database.admin.raw('select pg_terminate_backend(?)', [rows[0]!.pid]);
      await ended;
      await trx.raw('select 1');
    }).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not queryable/);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The pool dropped the dead client: the API recovers without a restart.
    expect((await db.raw<{ rows: { ok: number }[] }>('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  test('then a client the pool already closed counts as unavailable too', () => {
    expect(isDatabaseUnavailable(new Error('Client was closed and is not queryable'))).toBe(true);
    // A query that is merely wrong is not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(
      false,
    );
  });
});
