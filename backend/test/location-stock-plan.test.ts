import { rebuildLocationStockTotals } from '../src/modules/locations/locations.service';
import { planOf, statementsOf } from './support/explain';
import { createTestApp, type TestApp } from './support/test-app';

// A place's stock page read items in SKU order and probed each for a line at the place until
// the page was full: PostgreSQL assumes every place holds the average, so for a place holding
// nothing (a warehouse whose stock is in its bins) it walked every item — 85–131 ms at 100,000
// items. The page now reads the place's lines first when the roll-ups say they are few
// (stock.service.ts placeFirst).

type Page = {
  data: { item: { sku: string } }[];
  page: { nextCursor: string | null; count: number; countExact: boolean };
};

// As at the bench's size (1,563 lines a place at 100,000 items), where the walk is planned: 120
// places (more than PostgreSQL keeps common values for) of 1,600 lines at 40,000 items.
const ITEMS = 40_000;
const PLACES = 120;
const SHARES = 25;

describe("a place's stock page", () => {
  let t: TestApp;
  let empty: number;
  let full: number;
  let sparse: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.db.raw(
      `insert into items (sku, name) select 'PS-' || lpad(g::text, 6, '0'), 'Part ' || g
       from generate_series(1, ?) g`,
      [ITEMS],
    );
    const places = await t.db.raw<{ rows: { id: string }[] }>(
      `insert into locations (code, name) select 'P-' || g, 'Place ' || g
       from generate_series(0, ?) g returning id`,
      [PLACES],
    );
    const ids = places.rows.map((r) => Number(r.id));
    [empty, full] = [ids[0]!, ids[1]!];
    // Place k holds the items whose id is k - 1 modulo SHARES: ITEMS / SHARES lines each.
    await t.db.raw(
      `insert into stock_levels (item_id, location_id, quantity)
       select i.id, l.id, 1 from items i
       join (select id, row_number() over (order by id) as k from locations where id <> ?) l
         on i.id % ? = (l.k - 1) % ?
       where i.sku like 'PS-%'`,
      [empty, SHARES, SHARES],
    );
    // A place of three lines, read place first: its lines in SKU order, not in item order.
    const [row] = await t.db('locations').insert({ code: 'P-SPARSE', name: 'Sparse' }, ['id']);
    sparse = Number(row!.id);
    const skus = ['PS-000030', 'PS-000010', 'PS-000020'];
    const items = await t.db('items').whereIn('sku', skus).select('id');
    await t
      .db('stock_levels')
      .insert(
        items.map((i: { id: string }) => ({ item_id: i.id, location_id: sparse, quantity: 2 })),
      );
    await rebuildLocationStockTotals(t.db);
    await t.db.raw('analyze items');
    await t.db.raw('analyze stock_levels');
  });
  afterAll(() => t.close());

  const get = async (id: number, cursor?: string | null, q?: string) =>
    (
      await t
        .as('admin')
        .get(`/api/v1/locations/${id}/stock`)
        .query({ ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) })
        .expect(200)
    ).body as Page;

  test('when a place holds nothing, then its page reads about nothing, not every item', async () => {
    let page: Page | undefined;
    const [statement] = (
      await statementsOf(t.db, /\bstock_levels\b/, async () => {
        page = await get(empty);
      })
    ).filter((s) => /order by/.test(s.sql));
    expect(page!.data).toEqual([]);
    const { rowsRead } = await planOf(t.db, statement!);
    expect({ rowsRead, small: rowsRead < 500 }).toEqual({ rowsRead, small: true });
  });

  test('when a place holds a few lines, then its page lists them by SKU', async () => {
    const page = await get(sparse);
    expect(page.data.map((r) => r.item.sku)).toEqual(['PS-000010', 'PS-000020', 'PS-000030']);
  });

  test('when a place holds many lines, then its pages list them by SKU with none skipped', async () => {
    const truth = await t
      .db('stock_levels as s')
      .join('items as i', 'i.id', 's.item_id')
      .where('s.location_id', full)
      .orderByRaw('lower(i.sku), i.id')
      .limit(100)
      .pluck('i.sku');
    const first = await get(full);
    const second = await get(full, first.page.nextCursor);
    expect([...first.data, ...second.data].map((r) => r.item.sku)).toEqual(truth);
  });

  test('when a place holds more lines than a list counts to, then its page counts them exactly from the roll-ups, not by reading them again', async () => {
    // The count read up to 1,001 of the place's lines a second time and stopped at 1,000.
    let page: Page | undefined;
    const statements = await statementsOf(t.db, /\bstock_levels\b/, async () => {
      page = await get(full);
    });
    expect(page!.page).toMatchObject({ count: ITEMS / SHARES, countExact: true });
    expect(statements.map((s) => s.sql).filter((sql) => /count\(/.test(sql))).toEqual([]);
  });

  test("when a place's page is filtered, then it counts the matching lines up to the cap", async () => {
    expect((await get(full, null, 'PS-')).page).toMatchObject({ count: 1000, countExact: false });
    expect((await get(full, null, 'PS-0000')).page).toMatchObject({ countExact: true });
  });
});
