import { createTestApp, type Api, type TestApp } from './support/test-app';

// The items list reads its capped count in the page's own statement (lib/keyset.ts withCount,
// issue 12): every page must still say what a separate count said — the matches up to the cap,
// on first pages, pages after and before a cursor, searches and empty lists — and the cursors
// and order must not change.

interface Page {
  data: { id: number }[];
  page: {
    nextCursor: string | null;
    prevCursor: string | null;
    count: number;
    countExact: boolean;
  };
}

const SORTS = ['sku', 'name', 'createdAt', 'updatedAt', 'shortfall'] as const;

describe('items list count in the page statement', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  const get = async (query: Record<string, unknown>) =>
    (await api.get('/api/v1/items').query(query).expect(200)).body as Page;

  /** `n` items in a category of their own, names holding `word`, some with a reorder point. */
  async function items(n: number, word = 'plain') {
    const category = `count-${Math.random().toString(36).slice(2, 8)}`;
    await t.db.raw(
      `insert into items (sku, name, category, reorder_point)
       select ? || '-' || g, 'Item ' || ? || ' ' || (g % 3), ?, case when g % 2 = 0 then g end
       from generate_series(1, ?) g`,
      [category, word, category, n],
    );
    return category;
  }

  /** Every page forwards, then every page back from the last by prevCursor. */
  async function allPages(query: Record<string, unknown>) {
    const forward = [await get(query)];
    while (forward.at(-1)!.page.nextCursor)
      forward.push(await get({ ...query, cursor: forward.at(-1)!.page.nextCursor }));
    const back: Page[] = [];
    for (const p of forward.slice(1)) back.push(await get({ ...query, cursor: p.page.prevCursor }));
    return { forward, back };
  }

  test.each(SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order])))(
    'when a list sorted by %s %s is paged both ways, then every page counts every match, exactly',
    async (sort, order) => {
      const category = await items(7);
      const { forward, back } = await allPages({ category, sort, order, limit: 3 });
      expect(forward.map((p) => p.data.length)).toEqual([3, 3, 1]);
      for (const p of [...forward, ...back])
        expect(p.page).toMatchObject({ count: 7, countExact: true });
      // The pages before each page are the pages walked forwards, row for row.
      expect(back.map((p) => p.data)).toEqual(forward.slice(0, -1).map((p) => p.data));
      const ids = forward.flatMap((p) => p.data.map((i) => i.id));
      expect(new Set(ids).size).toBe(7);
    },
  );

  test('when more than 1,000 items match, then first, later and earlier pages all say 1,000, not exact', async () => {
    const category = await items(1001);
    const first = await get({ category, limit: 5 });
    const second = await get({ category, limit: 5, cursor: first.page.nextCursor });
    const before = await get({ category, limit: 5, cursor: second.page.prevCursor });
    for (const p of [first, second, before])
      expect(p.page).toMatchObject({ count: 1000, countExact: false });
    expect(before.data).toEqual(first.data);
  });

  test('when a search matches more than its cap, then pages say the cap, not exact; at the cap, exact', async () => {
    const word = `zq${Math.random().toString(36).slice(2, 8)}`;
    const category = await items(101, word);
    const first = await get({ category, q: word, limit: 10 });
    const second = await get({ category, q: word, limit: 10, cursor: first.page.nextCursor });
    for (const p of [first, second])
      expect(p.page).toMatchObject({ count: 100, countExact: false });
    await t
      .db('items')
      .where({ sku: `${category}-101` })
      .delete();
    const exact = await get({ category, q: word, limit: 10 });
    expect(exact.page).toMatchObject({ count: 100, countExact: true });
  });

  test('when nothing matches, or a cursor points past the last match, then the page is empty and counts 0', async () => {
    const none = await get({ category: 'no-such-category', limit: 5 });
    expect(none).toEqual({
      data: [],
      page: {
        nextCursor: null,
        prevCursor: null,
        count: 0,
        countExact: true,
        limit: expect.any(Number) as number,
      },
    });
    const category = await items(4);
    const noMatch = await get({ category, q: 'nothing-like-this', limit: 5 });
    expect(noMatch.page).toEqual({
      nextCursor: null,
      prevCursor: null,
      count: 0,
      countExact: true,
      limit: expect.any(Number) as number,
    });
    const first = await get({ category, limit: 2 });
    await t
      .db('items')
      .where({ category })
      .whereNotIn(
        'id',
        first.data.map((i) => i.id),
      )
      .delete();
    const after = await get({ category, limit: 2, cursor: first.page.nextCursor });
    expect(after).toEqual({
      data: [],
      page: {
        nextCursor: null,
        prevCursor: null,
        count: 0,
        countExact: true,
        limit: expect.any(Number) as number,
      },
    });
  });

  test('when a first page holds every match, then its length is the count', async () => {
    const category = await items(3);
    const whole = await get({ category, limit: 5 });
    expect(whole.page).toEqual({
      nextCursor: null,
      prevCursor: null,
      count: 3,
      countExact: true,
      limit: expect.any(Number) as number,
    });
  });

  /** The statements reading items while `run` runs. */
  async function statementsOf(run: () => Promise<unknown>) {
    const statements: string[] = [];
    const record = (q: { sql: string }) => void statements.push(q.sql);
    t.db.on('query', record);
    try {
      await run();
    } finally {
      t.db.off('query', record);
    }
    // Knex quotes the table, the search's written-out SQL does not.
    return statements.filter((sql) => /from "?items"?[\s)]/.test(sql)).length;
  }

  test('when a list is paged, then each page is one statement, page and count together', async () => {
    const category = await items(5);
    expect(
      await statementsOf(async () => {
        const first = await get({ category, limit: 2 });
        await get({ category, limit: 2, cursor: first.page.nextCursor });
      }),
    ).toBe(2);
  });

  test('when a search is paged, then every page is one statement, its count inside it', async () => {
    const category = await items(5);
    let first: Page | undefined;
    // A full first page: rows and count in one statement (the count is read only because the
    // page is full: test/items-search-statement.test.ts).
    expect(
      await statementsOf(async () => (first = await get({ category, q: 'item', limit: 2 }))),
    ).toBe(1);
    expect(first!.page).toMatchObject({ count: 5, countExact: true });
    expect(
      await statementsOf(() =>
        get({ category, q: 'item', limit: 2, cursor: first!.page.nextCursor }),
      ),
    ).toBe(1);
    expect(await statementsOf(() => get({ category, q: 'item', limit: 5 }))).toBe(1);
  });
});
