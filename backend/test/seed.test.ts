import { seed } from '../src/cli/seed';
import { createTestApp, type TestApp } from './support/test-app';
import { ledgerProblems } from './support/reconcile';

describe('seed script', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.db(table).count<{ n: string }[]>({ n: '*' }))[0]!.n);

  test('when seeding, then the requested rows exist and balances, totals and the ledger reconcile', async () => {
    await seed(t.db, { items: 40, movements: 501, prefix: 'TSEED' });
    expect(await count('items')).toBe(40);
    expect(await count('locations')).toBe(200);
    // Three bins per item.
    expect(await count('stock_levels')).toBe(40 * 3);
    expect(await count('item_totals')).toBe(40);
    expect(await count('movements')).toBe(501);
    expect(await ledgerProblems(t.db)).toEqual([]);
    // The check sees a balance that drifts from the ledger (undone: the transaction rolls back).
    await t.db
      .transaction(async (trx) => {
        await trx.raw(
          'update stock_levels set quantity = quantity + 1 where ctid = (select min(ctid) from stock_levels)',
        );
        expect(await ledgerProblems(trx)).toHaveLength(2); // the balance, and its total
        throw new Error('undo');
      })
      .catch((e: Error) => expect(e.message).toBe('undo'));

    const search = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ q: 'tseed-000003' })
      .expect(200);
    expect(search.body.page.count).toBe(10); // TSEED-0000030 … TSEED-0000039
  });

  test('when seeding beside data with force and a larger tree, then the tree has that many locations with aisles and stock sits only in its bins', async () => {
    await seed(t.db, { items: 20, movements: 120, locations: 500, prefix: 'TTREE', force: true });
    const { rows } = await t.db.raw<{ rows: Record<string, string>[] }>(
      `select count(*) as total,
              count(*) filter (where parent_id is null) as roots,
              count(*) filter (where code ~ '^TTREE-WH[0-9]-[A-C]-[0-9]+$') as aisles,
              count(*) filter (where not exists (select 1 from locations c where c.parent_id = l.id)) as leaves,
              max(length(code) - length(replace(code, '-', '')))::text as depth
       from locations l where code like 'TTREE-%'`,
    );
    // 2 warehouses, 6 zones, 12 aisles, 480 bins (40 to an aisle).
    expect(rows[0]).toEqual({ total: '500', roots: '2', aisles: '12', leaves: '480', depth: '4' });
    const { rows: offBin } = await t.db.raw<{ rows: unknown[] }>(
      `select 1 from stock_levels s join items i on i.id = s.item_id
       where i.sku like 'TTREE-%' and exists (select 1 from locations c where c.parent_id = s.location_id)`,
    );
    expect(offBin).toEqual([]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});
