import { createItem } from './support/factories';
import { planOf, statementsOf } from './support/explain';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// Most items of a real catalogue have no reorder point, so the shortfall sort's last key is
// one tie of most of the catalogue, ordered by SKU. A page inside it read and sorted the whole
// tie (215-305 ms at 75,000 items against 15-25 ms for the first page); it now reads the tie's
// rows from the cursor on by the SKU index (lib/keyset-split.ts). A first page met the same
// tie: with fewer items given a reorder point than a page holds, largest first sorted the tie
// whole (447 ms at 100,000 items), and smallest first sorted every item in any catalogue
// (60 ms); both now read the tie apart (SortKey.tie).

type Page = { data: { id: number; sku: string }[]; page: { nextCursor: string | null } };
type PageBack = Page & { page: { prevCursor: string | null } };

const TIE = 20_000;

describe('pages inside the shortfall sort’s largest tie', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
    for (const point of ['3', '2', '1']) await createItem(api, { reorderPoint: point });
    await t.db.raw(
      `insert into items (sku, name) select 'TIE-' || lpad(g::text, 6, '0'), 'Tied ' || g
       from generate_series(1, ?) g`,
      [TIE],
    );
    await t.db.raw('analyze items');
    await t.db.raw('analyze item_totals');
  });
  afterAll(() => t.close());

  const get = async (query: Record<string, unknown>) =>
    (await api.get('/api/v1/items').query(query).expect(200)).body as Page;

  /** The statement of a first page and what it read. */
  async function firstPage(order: 'asc' | 'desc', limit: number | 'default') {
    const query = { sort: 'shortfall', order, ...(limit !== 'default' && { limit }) };
    const [statement, ...others] = await statementsOf(t.db, /\bitem_totals\b/, () => get(query));
    expect(others).toEqual([]);
    return planOf(t.db, statement!);
  }

  test.each([
    ['desc', 'default'],
    ['desc', 10],
    ['asc', 'default'],
    ['asc', 10],
  ] as const)(
    'when the first page %s (limit %s) reaches the tie, then it reads about a page of rows',
    async (order, limit) => {
      // The default length runs as a prepared statement, another length as a plain one.
      const { rowsRead, rowsSorted } = await firstPage(order, limit);
      expect({ rowsRead, rowsSorted, small: rowsRead < 500 && rowsSorted < 500 }).toEqual({
        rowsRead,
        rowsSorted,
        small: true,
      });
    },
  );

  test.each(['asc', 'desc'] as const)(
    'when the first page %s is read, then the items with a reorder point lead in order and the tie follows by SKU',
    async (order) => {
      const { data } = await get({ sort: 'shortfall', order, limit: 6 });
      const leading = order === 'desc' ? ['3', '2', '1'] : ['1', '2', '3'];
      const byId = await t.db('items').whereIn(
        'id',
        data.slice(0, 3).map((i) => i.id),
      );
      const point = new Map(
        byId.map((r: { id: string; reorder_point: string }) => [Number(r.id), r.reorder_point]),
      );
      expect(data.slice(0, 3).map((i) => Number(point.get(i.id)).toString())).toEqual(leading);
      expect(data.slice(3).map((i) => i.sku)).toEqual(['TIE-000001', 'TIE-000002', 'TIE-000003']);
    },
  );

  test.each(['asc', 'desc'] as const)(
    'when walking back %s from the third page by prevCursor, then the first two pages come back',
    async (order) => {
      const query = { sort: 'shortfall', order, limit: 2 };
      const pages = [await get(query)];
      for (let i = 0; i < 2; i++)
        pages.push(await get({ ...query, cursor: pages.at(-1)!.page.nextCursor }));
      const back = await get({ ...query, cursor: (pages[2] as PageBack).page.prevCursor });
      const first = await get({ ...query, cursor: (back as PageBack).page.prevCursor });
      expect([first.data, back.data]).toEqual([pages[0]!.data, pages[1]!.data]);
    },
  );

  test.each(['asc', 'desc'] as const)(
    'when the low-stock filter is on (%s), then no term reads the items without a reorder point',
    async (order) => {
      // A low item has a reorder point: the tie is empty, and a term for it is one PostgreSQL
      // cannot tell is empty (with stale statistics, a walk of every item by SKU).
      const query = { sort: 'shortfall', order, lowStock: true };
      let body: Page | undefined;
      const statements = await statementsOf(t.db, /\bitem_totals\b/, async () => {
        body = await get(query);
      });
      expect(statements.map((s) => /shortfall is null/.test(s.sql))).toEqual([false]);
      expect(body!.data).toHaveLength(3);
    },
  );

  /** The statement of the page after the first, which ends inside the tie. */
  async function secondPage(order: 'asc' | 'desc') {
    const query = { sort: 'shortfall', order, limit: 10 };
    const first = await get(query);
    const [statement, ...others] = await statementsOf(t.db, /\bitem_totals\b/, () =>
      get({ ...query, cursor: first.page.nextCursor }),
    );
    expect(others).toEqual([]);
    return planOf(t.db, statement!);
  }

  test('when a largest-first page starts inside the tie, then it reads about a page of rows, not the tie', async () => {
    // The three items with a reorder point lead; the first page ends inside the tie.
    const { rowsRead, rowsSorted } = await secondPage('desc');
    expect({ rowsRead, rowsSorted, small: rowsRead < 500 && rowsSorted < 500 }).toEqual({
      rowsRead,
      rowsSorted,
      small: true,
    });
  });

  test('when a smallest-first page starts inside the tie, then it does not sort the tie', async () => {
    // Smallest first has no index of its own (only the UI's order has one): after the tie it
    // reads item_totals, but the tie itself comes in SKU order from the SKU index.
    const { rowsSorted } = await secondPage('asc');
    expect({ rowsSorted, small: rowsSorted < 500 }).toEqual({ rowsSorted, small: true });
  });

  test('when walking from inside the tie, then the SKUs follow one another with none skipped', async () => {
    const query = { sort: 'shortfall', order: 'desc', limit: 100 };
    let body = await get(query);
    const skus: string[] = [];
    for (let i = 0; i < 5; i++) {
      body = await get({ ...query, cursor: body.page.nextCursor });
      skus.push(...body.data.map((item) => item.sku));
    }
    // Pages 2-6: the tie from its 98th item (three items with a reorder point led page 1).
    const expected = Array.from(
      { length: 500 },
      (_, i) => `TIE-${String(i + 98).padStart(6, '0')}`,
    );
    expect(skus).toEqual(expected);
  });
});
