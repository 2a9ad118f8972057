import { seed } from '../src/cli/seed';
import { parseMilli } from '../src/lib/quantity';
import { createTestApp, type TestApp } from './support/test-app';

describe('seed script', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when seeding, then the requested rows exist and every balance equals the ledger and is not negative', async () => {
    await seed(t.db, { items: 40, movements: 501, prefix: 'TSEED' });
    const count = async (table: string) =>
      Number((await t.db(table).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    expect(await count('items')).toBe(40);
    expect(await count('locations')).toBe(200);
    // Three bins per item.
    expect(await count('stock_levels')).toBe(40 * 3);
    expect(await count('movements')).toBe(501);

    const { rows } = await t.db.raw<{ rows: { balance: string; ledger: string }[] }>(
      `select s.quantity as balance,
              (select coalesce(sum(case when m.to_location_id = s.location_id then m.quantity else -m.quantity end), 0)
               from movements m where m.item_id = s.item_id
                 and (m.to_location_id = s.location_id or m.from_location_id = s.location_id)) as ledger
       from stock_levels s`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(parseMilli(r.ledger)).toBe(parseMilli(r.balance));
      expect(parseMilli(r.balance)).toBeGreaterThanOrEqual(0n);
    }
    // Each item's stored total equals the sum of its balances.
    const { rows: drift } = await t.db.raw<{ rows: unknown[] }>(
      `select t.item_id from item_totals t
       left join (select item_id, sum(quantity) as q from stock_levels group by item_id) s on s.item_id = t.item_id
       where t.on_hand <> coalesce(s.q, 0)
       union all
       select s.item_id from stock_levels s left join item_totals t on t.item_id = s.item_id
       group by s.item_id, t.on_hand having sum(s.quantity) <> coalesce(t.on_hand, 0)`,
    );
    expect(drift).toEqual([]);
    // Running balances in ledger order never dip below zero either.
    const { rows: dips } = await t.db.raw<{ rows: unknown[] }>(
      `select 1 from (
         select sum(effect) over (partition by item_id, location_id order by id) as running from (
           select id, item_id, to_location_id as location_id, quantity as effect from movements where to_location_id is not null
           union all
           select id, item_id, from_location_id, -quantity from movements where from_location_id is not null) e) r
       where running < 0 limit 1`,
    );
    expect(dips).toEqual([]);

    const search = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ q: 'tseed-000003' })
      .expect(200);
    expect(search.body.page.count).toBe(10); // TSEED-0000030 … TSEED-0000039
  });
});
