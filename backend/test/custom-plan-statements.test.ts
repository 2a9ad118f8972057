import { CUSTOM_PLAN_NAMES, customPlanSql, preparedSql } from '../src/lib/prepared';
import { createItem } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// customPlanSql (decision 0039): prepared once per connection, planned with each call's values.
// One pooled connection, so pg_prepared_statements and `show` read the connection it used.
describe('statements prepared but planned on every call', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
    await t.db.raw('create table custom_plan_probe (id int primary key, note text)');
    await t.db('custom_plan_probe').insert([
      { id: 1, note: 'one' },
      { id: 2, note: 'two' },
    ]);
  });
  afterAll(() => t.close());

  interface Prepared {
    name: string;
    generic_plans: string;
    custom_plans: string;
  }
  const preparedAs = async (text: string) =>
    (
      (await t.db.raw(
        'select name, generic_plans, custom_plans from pg_prepared_statements where statement = ?',
        [text],
      )) as { rows: Prepared[] }
    ).rows;
  const planCacheMode = async () =>
    ((await t.db.raw('show plan_cache_mode')) as { rows: { plan_cache_mode: string }[] }).rows[0]!
      .plan_cache_mode;

  test('when a statement runs again, then from its second call it is prepared and planned with its values every time, and the connection keeps its own plan_cache_mode', async () => {
    const text = 'select id from custom_plan_probe where id = $1';
    for (let i = 0; i < 8; i++)
      expect(await customPlanSql(t.db, text, [1 + (i % 2)])).toEqual([{ id: 1 + (i % 2) }]);
    expect(await preparedAs(text)).toEqual([
      { name: expect.stringMatching(/^sc_/) as string, generic_plans: '0', custom_plans: '7' },
    ]);
    expect(await planCacheMode()).toBe('auto');

    // The same shape through preparedSql settles on the generic plan: what the mode prevents.
    const control = 'select id from custom_plan_probe where id = $1 and true';
    for (let i = 0; i < 8; i++) await preparedSql(t.db, control, [1]);
    const [plans] = await preparedAs(control);
    expect(Number(plans!.generic_plans)).toBeGreaterThan(0);
  });

  test("when the statement fails, then the error is PostgreSQL's and the connection's plan_cache_mode is back to auto", async () => {
    const text = 'select 10 / $1::int as x from custom_plan_probe where id = 1';
    expect(await customPlanSql(t.db, text, [5])).toEqual([{ x: 2 }]);
    await expect(customPlanSql(t.db, text, [0])).rejects.toMatchObject({ code: '22012' });
    expect(await planCacheMode()).toBe('auto');
    expect(await customPlanSql(t.db, text, [2])).toEqual([{ x: 5 }]);
  });

  test('when a table changes under the prepared statement (a newer replica migrated), then the query still answers', async () => {
    await t.db.raw('create table custom_plan_changed (id int)');
    await t.db('custom_plan_changed').insert({ id: 1 });
    const text = 'select * from custom_plan_changed where id = $1';
    for (let i = 0; i < 2; i++) expect(await customPlanSql(t.db, text, [1])).toEqual([{ id: 1 }]);
    expect(await preparedAs(text)).toHaveLength(1);
    await t.db.raw('alter table custom_plan_changed add column note text');
    expect(await customPlanSql(t.db, text, [1])).toEqual([{ id: 1, note: null }]);
  });

  test('when run inside a transaction, then it sees that transaction and prepares nothing', async () => {
    const text = 'select id from custom_plan_probe where id = $1 and note is null';
    await t.db
      .transaction(async (trx) => {
        await trx('custom_plan_probe').insert({ id: 9 });
        for (let i = 0; i < 3; i++)
          expect(await customPlanSql(trx, text, [9])).toEqual([{ id: 9 }]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await preparedAs(text)).toEqual([]);
    expect(await customPlanSql(t.db, text, [9])).toEqual([]);
  });
});

describe('the items search statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  test('when the same search is asked twice, then its statement is prepared on the connection, planned with its words, and the answer is the same', async () => {
    const api = t.as('admin');
    const item = await createItem(api, { sku: 'PLANNED-1', name: 'Brass hinge' });
    const ask = async () =>
      (
        (await api.get('/api/v1/items').query({ q: 'brass hinge' }).expect(200)).body as {
          data: { id: number }[];
        }
      ).data.map((i) => i.id);
    expect(await ask()).toEqual([item.id]);
    expect(await ask()).toEqual([item.id]);
    const { rows } = (await t.db.raw(
      "select generic_plans, custom_plans from pg_prepared_statements where name like 'sc\\_%' and statement like '%search_text like%'",
    )) as { rows: { generic_plans: string; custom_plans: string }[] };
    expect(rows).toEqual([{ generic_plans: '0', custom_plans: '1' }]);
  });
});

// Last: once the cap is reached no further text in this process (this file) is prepared.
describe('the cap on prepared texts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
    await t.db.raw('create table custom_plan_many (id int)');
    await t.db('custom_plan_many').insert({ id: 2 });
  });
  afterAll(() => t.close());

  test('when more texts are run than the cap, then at most CUSTOM_PLAN_NAMES are prepared and every one still answers', async () => {
    const texts = Array.from(
      { length: CUSTOM_PLAN_NAMES + 6 },
      (_, i) => `select id, ${i} as n from custom_plan_many where id = $1`,
    );
    for (let round = 0; round < 3; round++)
      for (const [i, text] of texts.entries())
        expect(await customPlanSql(t.db, text, [2])).toEqual([{ id: 2, n: i }]);
    const { rows } = (await t.db.raw(
      "select count(*)::int as n from pg_prepared_statements where name like 'sc\\_%'",
    )) as { rows: { n: number }[] };
    // Earlier tests in this file named a few texts already: the cap is per process.
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(rows[0]!.n).toBeLessThanOrEqual(CUSTOM_PLAN_NAMES);
    expect(rows[0]!.n).toBeLessThan(texts.length);
  });
});
