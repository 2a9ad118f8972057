import { prepared } from '../src/lib/prepared';
import { createTestApp, type TestApp } from './support/test-app';

describe('prepared statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  test('when a table changes under a prepared statement (a newer replica migrated), then the query still answers', async () => {
    await t.db.raw('create table prepared_probe (id int)');
    await t.db('prepared_probe').insert({ id: 1 });
    const query = () => prepared<Record<string, unknown>>(t.db, t.db('prepared_probe').select('*'));
    expect(await query()).toEqual([{ id: 1 }]);
    await t.db.raw('alter table prepared_probe add column note text');
    expect(await query()).toEqual([{ id: 1, note: null }]);
  });

  test('when run inside a transaction, then it sees and locks within that transaction', async () => {
    await t.db.raw('create table prepared_tx (id int)');
    await t.db
      .transaction(async (trx) => {
        await trx('prepared_tx').insert({ id: 7 });
        expect(await prepared(trx, trx('prepared_tx').select('id').forUpdate())).toEqual([
          { id: 7 },
        ]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await prepared(t.db, t.db('prepared_tx').select('id'))).toEqual([]);
  });
});
