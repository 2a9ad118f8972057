import knex from 'knex';
import { seed, SeedRefused } from '../src/cli/seed';
import type { Db } from '../src/lib/db';
import { ledgerProblems } from './support/reconcile';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The seed sets indexes, foreign keys and two triggers aside while it loads tables it owns;
// afterwards the schema must be the migrations' own again, every constraint checked.

const TABLES = ['locations', 'items', 'movements', 'stock_levels', 'item_totals'];

/** Indexes, constraints and triggers of the seeded tables, by name, with their definitions. */
async function schemaOf(db: Db) {
  const { rows } = await db.raw<{ rows: { kind: string; name: string; def: string }[] }>(
    `select 'index' as kind, c.relname as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = any(?::regclass[])
     union all
     select 'constraint', conname, pg_get_constraintdef(oid) || case when convalidated then '' else ' (not validated)' end
       from pg_constraint where conrelid = any(?::regclass[])
     union all
     select 'trigger', tgname, pg_get_triggerdef(oid) || ' ' || tgenabled::text
       from pg_trigger where tgrelid = any(?::regclass[]) and not tgisinternal
     order by 1, 2`,
    [TABLES, TABLES, TABLES],
  );
  return rows;
}

describe('seed on the schema', () => {
  const opened: { db: Db; database: TestDatabase }[] = [];
  const open = async (as: 'app' | 'superuser') => {
    const database = await createTestDatabase();
    const db = knex({ client: 'pg', connection: as === 'app' ? database.url : database.adminUrl });
    opened.push({ db, database });
    return db;
  };
  afterAll(async () => {
    for (const o of opened) {
      await o.db.destroy();
      await o.database.drop();
    }
  });

  test.each(['app', 'superuser'] as const)(
    "when seeding as the %s role, then every index, constraint and trigger is the migrations' own again and every constraint is validated",
    async (as) => {
      const db = await open(as);
      const before = await schemaOf(db);
      expect(before.filter((r) => r.kind === 'constraint').length).toBeGreaterThan(10);
      await seed(db, { items: 30, movements: 200, prefix: 'TS' });
      expect(await schemaOf(db)).toEqual(before);
      expect(await ledgerProblems(db)).toEqual([]);
    },
  );

  test('when the database already holds stock data, then the seed refuses and writes nothing, unless forced', async () => {
    const db = await open('app');
    await db('items').insert({ sku: 'HAND-1', name: 'Made by hand', unit: 'each' });
    await expect(seed(db, { items: 5, movements: 10, prefix: 'TR' })).rejects.toThrow(SeedRefused);
    expect(await db('items').pluck('sku')).toEqual(['HAND-1']);
    expect(await db('locations').count({ n: '*' })).toEqual([{ n: '0' }]);

    const before = await schemaOf(db);
    await seed(db, { items: 5, movements: 10, prefix: 'TR', force: true });
    expect(await db('items').count({ n: '*' })).toEqual([{ n: '6' }]);
    expect(await schemaOf(db)).toEqual(before);
    expect(await ledgerProblems(db)).toEqual([]);
  });
});
