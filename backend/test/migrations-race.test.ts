// Found by drill 06 (three api replicas on an empty database): knex inserts its lock row
// without a lock, two replicas could both insert one, and with two rows no replica could
// ever take knex's migration lock again ("Migration table is already locked", forever).
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createDb, type Db } from '../src/lib/db';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import { testConfig } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const logger = createLogger({ logLevel: 'silent' });

describe('migrations started by several replicas at once', () => {
  const databases: TestDatabase[] = [];
  const pools: Db[] = [];
  const emptyDatabase = async () => {
    const database = await createTestDatabase({ empty: true });
    databases.push(database);
    return database;
  };
  const pool = (url: string, max = 2) => {
    const db = createDb(testConfig({ DATABASE_URL: url, DB_POOL_MAX: String(max) }), logger);
    pools.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of pools) await db.destroy();
    for (const database of databases) await database.drop();
  });

  test('when the lock table already holds two rows (the race), then migrations still run and one row is left', async () => {
    const database = await emptyDatabase();
    const db = pool(database.url);
    await db.raw(
      'create table knex_migrations_lock ("index" serial primary key, is_locked integer)',
    );
    await db.raw('insert into knex_migrations_lock (is_locked) values (0), (0)');

    const status = await runMigrations(db, DEFAULT_MIGRATIONS_DIR, logger, 5000);

    expect(status.pending).toEqual([]);
    expect(await db('knex_migrations_lock').select('is_locked')).toEqual([{ is_locked: 0 }]);
  });

  test('when three processes migrate an empty database at once, then all succeed and each migration runs once', async () => {
    const database = await emptyDatabase();
    const replicas = [pool(database.url, 1), pool(database.url, 1), pool(database.url, 1)];

    const results = await Promise.all(
      replicas.map((db) => runMigrations(db, DEFAULT_MIGRATIONS_DIR, logger, 60_000)),
    );

    for (const r of results) expect(r.pending).toEqual([]);
    const db = replicas[0]!;
    expect(await db('knex_migrations_lock').count({ n: '*' })).toEqual([{ n: '1' }]);
    const [{ total, distinct }] = (await db('knex_migrations').select(
      db.raw('count(*)::int as total'),
      db.raw('count(distinct name)::int as distinct'),
    )) as [{ total: number; distinct: number }];
    expect(total).toBe(distinct);
    expect(total).toBeGreaterThan(10);
  });
});
