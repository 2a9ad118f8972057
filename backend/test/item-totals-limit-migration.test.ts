// The migration that bounds item_totals (issue 10) must not take down a database that
// already holds a larger total, written before the limit existed.
import path from 'node:path';
import type { Knex } from 'knex';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createDb, type Db } from '../src/lib/db';
import { createLogger } from '../src/lib/logger';
import { testConfig } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

type Migration = { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const migration = require(
  path.join(DEFAULT_MIGRATIONS_DIR, '20261130100000_limit_item_totals_on_hand.js'),
) as Migration;

describe('item_totals limit migration', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(testConfig({ DATABASE_URL: database.url }), createLogger({ logLevel: 'silent' }));
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const validated = async () => {
    const { rows } = await db.raw<{ rows: { convalidated: boolean }[] }>(
      "select convalidated from pg_constraint where conname = 'item_totals_on_hand_max'",
    );
    return rows.map((r) => r.convalidated);
  };

  test('when a total past the limit is already stored, then the migration applies, new writes are checked, and it is validated once the data fits', async () => {
    expect(await validated()).toEqual([true]);
    await migration.down(db);
    const [item] = (await db('items')
      .insert({ sku: 'LEGACY-BIG', name: 'Legacy' })
      .returning('id')) as { id: string }[];
    // Every item has its item_totals row from its insert on (the shortfall sort's trigger).
    await db('item_totals').where({ item_id: item!.id }).update({ on_hand: '199999999999.998' });

    await migration.up(db);
    expect(await validated()).toEqual([false]);
    await expect(
      db('items')
        .insert({ sku: 'NEW-BIG', name: 'New' })
        .returning('id')
        .then(([r]) =>
          db('item_totals')
            .where({ item_id: (r as { id: string }).id })
            .update({ on_hand: '100000000000' }),
        ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'item_totals_on_hand_max' });

    await db('item_totals').where({ item_id: item!.id }).update({ on_hand: '5' });
    await migration.down(db);
    await migration.up(db);
    expect(await validated()).toEqual([true]);
  });
});
