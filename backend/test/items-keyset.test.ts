import { createItem } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

interface Page {
  data: { id: number; sku: string; name: string }[];
  page: {
    nextCursor: string | null;
    prevCursor: string | null;
    count: number;
    countExact: boolean;
  };
}

const SORTS = [
  ['sku', 'asc'],
  ['sku', 'desc'],
  ['name', 'asc'],
  ['name', 'desc'],
  ['updatedAt', 'asc'],
  ['updatedAt', 'desc'],
  ['createdAt', 'asc'],
  ['createdAt', 'desc'],
  ['shortfall', 'asc'],
  ['shortfall', 'desc'],
] as const;

async function page(api: Api, query: Record<string, unknown>): Promise<Page> {
  return (await api.get('/api/v1/items').query(query).expect(200)).body as Page;
}

/** Every id of a list walked forwards by nextCursor, page by page. */
async function walk(api: Api, query: Record<string, unknown>, between?: () => Promise<void>) {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const body = await page(api, { ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...body.data.map((i) => i.id));
    cursor = body.page.nextCursor;
    if (between) await between();
  } while (cursor);
  return ids;
}

describe('items list by cursor', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  /** Items in a category of their own, with equal names, times and shortfalls among them. */
  async function tiedItems(n: number) {
    const category = `keyset-${Math.random().toString(36).slice(2, 8)}`;
    const items = [];
    for (let i = 0; i < n; i++)
      items.push(
        await createItem(api, {
          category,
          name: `Tied ${i % 3}`,
          reorderPoint: i % 4 === 0 ? null : String(i % 2),
        }),
      );
    // Equal timestamps for half of them: only the id can order those.
    const ids = items.map((i) => i.id);
    await t
      .db('items')
      .whereIn('id', ids.slice(0, n / 2))
      .update({
        updated_at: '2026-01-01T00:00:00.123456Z',
        created_at: '2026-01-01T00:00:00.123456Z',
      });
    return { category, ids };
  }

  test.each(SORTS)(
    'when walking the %s %s order two rows at a time, then the pages join into exactly the one-page order',
    async (sort, order) => {
      const { category, ids } = await tiedItems(11);
      const whole = await page(api, { category, sort, order, limit: 200 });
      expect(whole.data.map((i) => i.id).sort()).toEqual([...ids].sort());
      const walked = await walk(api, { category, sort, order, limit: 2 });
      expect(walked).toEqual(whole.data.map((i) => i.id));
    },
  );

  test('when sorting by name, then asc and desc are each other reversed, ties by id', async () => {
    const { category } = await tiedItems(6);
    const asc = await walk(api, { category, sort: 'name', order: 'asc', limit: 4 });
    const desc = await walk(api, { category, sort: 'name', order: 'desc', limit: 4 });
    expect(desc).toEqual([...asc].reverse());
    const names = (await page(api, { category, sort: 'name', limit: 200 })).data.map((i) => i.name);
    expect(names).toEqual([...names].sort());
  });

  test('when items are created and renamed between page fetches, then no untouched item is skipped or repeated', async () => {
    const { category, ids } = await tiedItems(12);
    const moved = new Set<number>();
    let round = 0;
    const walked = await walk(api, { category, sort: 'name', order: 'asc', limit: 3 }, async () => {
      round++;
      // New rows ahead of the cursor would shift an OFFSET page and repeat rows.
      await createItem(api, { category, name: `Aaa new ${round}` });
      // An unseen row renamed to before the cursor would shift it the other way and skip one.
      const victim = ids[ids.length - round];
      if (victim && round <= 3) {
        moved.add(victim);
        await api
          .patch(`/api/v1/items/${victim}`)
          .send({ name: `Aaa renamed ${round}` })
          .expect(200);
      }
    });
    expect(new Set(walked).size).toBe(walked.length);
    const untouched = ids.filter((id) => !moved.has(id));
    expect(walked.filter((id) => ids.includes(id) && !moved.has(id)).sort()).toEqual(
      untouched.sort(),
    );
  });

  test.each([
    ['updatedAt', 'desc'],
    // Keys in two directions and from two tables: read term by term (lib/keyset-split.ts).
    ['shortfall', 'desc'],
    ['shortfall', 'asc'],
  ])(
    'when going back by prevCursor in the %s %s order, then each earlier page comes back as it was',
    async (sort, order) => {
      const { category } = await tiedItems(9);
      const query = { category, sort, order, limit: 2 };
      const pages: Page[] = [await page(api, query)];
      while (pages.at(-1)!.page.nextCursor)
        pages.push(await page(api, { ...query, cursor: pages.at(-1)!.page.nextCursor }));
      expect(pages[0]!.page.prevCursor).toBeNull();
      for (let i = pages.length - 1; i > 0; i--) {
        const back = await page(api, { ...query, cursor: pages[i]!.page.prevCursor });
        expect(back.data.map((r) => r.id)).toEqual(pages[i - 1]!.data.map((r) => r.id));
      }
    },
  );

  test('when more than 1,000 items match, then the count stops at 1,000 and says it is not exact', async () => {
    const category = `many-${Math.random().toString(36).slice(2, 8)}`;
    await t.db.raw(
      `insert into items (sku, name, category)
       select 'MANY-' || ? || '-' || g, 'Many ' || g, ? from generate_series(1, 1001) g`,
      [category, category],
    );
    const many = await page(api, { category, limit: 5 });
    expect(many.page).toMatchObject({ count: 1000, countExact: false });
    await t
      .db('items')
      .where({ sku: `MANY-${category}-1001` })
      .delete();
    const exact = await page(api, { category, limit: 5 });
    expect(exact.page).toMatchObject({ count: 1000, countExact: true });
  });

  test.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    [
      'a JSON of the wrong shape',
      Buffer.from('{"s":"items.sku.asc","d":"a","k":[1]}').toString('base64url'),
    ],
    ['too long', 'A'.repeat(1500)],
  ])(
    'when the cursor is %s, then 400 says it is not a cursor this API returned',
    async (_, cursor) => {
      const res = await api.get('/api/v1/items').query({ cursor }).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            in: 'query',
            path: 'cursor',
            message: expect.stringMatching(/not a cursor this API returned/),
          }),
        ]),
      );
    },
  );

  test('when a cursor of one sort is sent with another, or its key is tampered into nonsense, then 400, not 500', async () => {
    const { category } = await tiedItems(4);
    const first = await page(api, { category, sort: 'updatedAt', limit: 1 });
    const cursor = first.page.nextCursor!;
    await api.get('/api/v1/items').query({ category, sort: 'name', cursor }).expect(400);
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { k: string[] };
    decoded.k[0] = 'not a time';
    const tampered = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    const res = await api
      .get('/api/v1/items')
      .query({ category, sort: 'updatedAt', cursor: tampered });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'cursor' });
  });
});
