import { ITEM_SORTS } from '../src/modules/items/items-list.keyset';
import { walkIds } from './support/cursor-walk';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The unfiltered items list's default-length pages run as named prepared statements with the
// limit written in, so PostgreSQL plans each once per connection (lib/keyset.ts fetchRows).
// One pooled connection, so pg_prepared_statements (per session) shows what the API prepared.

interface Page {
  data: { id: number }[];
  page: { nextCursor: string | null; prevCursor: string | null; count: number };
}

describe('items list, prepared pages', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
    api = t.as('manager');
    // Equal names and SKUs differing only in case, so the id decides ties in every sort.
    await t.db.raw(
      `insert into items (sku, name, category, reorder_point)
       select case when g % 2 = 0 then 'prep-' else 'PREP-' end || lpad(g::text, 3, '0') || 'x' || (g % 7),
              'Same name ' || (g % 5), 'prepared', case when g % 3 = 0 then g % 11 end
       from generate_series(1, 131) g`,
    );
    await t.db('items').where('sku', 'PREP-011x4').update({ archived_at: t.db.fn.now() });
  });
  afterAll(() => t.close());

  const get = async (query: Record<string, unknown>) =>
    (await api.get('/api/v1/items').query(query).expect(200)).body as Page;

  const walk = (query: Record<string, unknown>) => walkIds(api, '/api/v1/items', query);

  /** Every id from the last page back to the first, by `prevCursor`, in the list's order. */
  async function walkBack(query: Record<string, unknown>, lastCursor: string): Promise<number[]> {
    const pages: number[][] = [];
    let cursor: string | null = lastCursor;
    while (cursor) {
      const body = await get({ ...query, cursor });
      pages.unshift(body.data.map((row) => row.id));
      cursor = body.page.prevCursor;
    }
    return pages.flat();
  }

  const views = ITEM_SORTS.flatMap((sort) =>
    (['asc', 'desc'] as const).flatMap((order) =>
      (['active', 'all'] as const).map((archived) => ({ sort, order, archived })),
    ),
  );

  test.each(views)(
    'when $sort $order ($archived) is paged at the default length, then it holds the rows that other lengths hold, in the same order',
    async (view) => {
      const prepared = await walk(view);
      expect(prepared).toEqual(await walk({ ...view, limit: 37 }));
      expect(new Set(prepared).size).toBe(prepared.length);
      expect(prepared).toHaveLength(view.archived === 'all' ? 131 : 130);
      // The page after the last full one, walked back: the same rows again.
      const second = await get({ ...view, cursor: (await get(view)).page.nextCursor });
      const last = await get({ ...view, cursor: second.page.nextCursor });
      const back = await walkBack(view, last.page.prevCursor!);
      expect(back).toEqual(prepared.slice(0, back.length));
    },
  );

  async function itemStatements() {
    const { rows } = await t.db.raw<{
      rows: { statement: string; generic_plans: string; custom_plans: string }[];
    }>(
      `select statement, generic_plans, custom_plans from pg_prepared_statements
       where statement like '%from "items"%'`,
    );
    return rows.map((r) => ({ ...r, generic: Number(r.generic_plans) }));
  }

  test('when the first page is read again and again, then PostgreSQL keeps one plan for it', async () => {
    for (let i = 0; i < 8; i++) await get({ sort: 'sku', order: 'asc' });
    const firstPages = (await itemStatements()).filter(
      (s) =>
        /order by lower\(items\.sku\) asc, items\.id asc limit 51$/.test(s.statement) &&
        !/\) > \(/.test(s.statement),
    );
    expect(firstPages.length).toBeGreaterThan(0);
    // A plan of its own for each call would be a custom plan.
    expect(firstPages.some((s) => s.generic >= 8 && Number(s.custom_plans) === 0)).toBe(true);
  });

  test('when a list has a search, a filter or another length, then its statement is not prepared (its plan follows its values)', async () => {
    const before = (await itemStatements()).map((s) => s.statement);
    await get({ q: 'same name' });
    await get({ category: 'prepared' });
    await get({ lowStock: true });
    await get({ limit: 20 });
    await get({ offset: 3 });
    const added = (await itemStatements()).filter((s) => !before.includes(s.statement));
    expect(added).toEqual([]);
    expect(before.some((s) => /search_text|category =|limit \$/.test(s))).toBe(false);
  });
});
