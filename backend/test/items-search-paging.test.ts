import { createItem } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// A search page is read rank by rank (exact SKU or barcode, prefix, the rest: branches of one
// statement, see modules/items/items-search.repository.ts). These walk the pages across every
// boundary between ranks.

const tag = () => `QP${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
type Page = {
  data: { id: number }[];
  page: { nextCursor: string | null; prevCursor: string | null };
};

describe('items search, paged by cursor', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  const get = async (query: Record<string, unknown>) =>
    (await api.get('/api/v1/items').query(query).expect(200)).body as Page;

  /** Every page from the first by nextCursor; returns the ids in order and the last page. */
  async function walk(query: Record<string, unknown>) {
    const ids: number[] = [];
    let page = await get(query);
    ids.push(...page.data.map((i) => i.id));
    while (page.page.nextCursor) {
      page = await get({ ...query, cursor: page.page.nextCursor });
      ids.push(...page.data.map((i) => i.id));
    }
    return { ids, last: page };
  }

  /** Items in every rank: 1 exact SKU, 1 exact barcode, 3 prefixes, 4 others (2 without a barcode). */
  async function rankedItems(q: string) {
    const exact = [
      (await createItem(api, { sku: q, name: 'Exact sku' })).id,
      (await createItem(api, { barcode: q, name: 'Exact barcode' })).id,
    ];
    const prefixes = [
      (await createItem(api, { sku: `${q}-B`, name: 'Sku prefix' })).id,
      (await createItem(api, { name: `${q} tray`, barcode: `${q}-bc-x` })).id,
      (await createItem(api, { barcode: `${q}77`, name: 'Barcode prefix' })).id,
    ];
    await createItem(api, { name: `Bin for ${q}` });
    await createItem(api, { name: `Lid for ${q}`, barcode: `Z${q}` });
    await createItem(api, { name: `Another ${q} part` });
    await createItem(api, { name: `Zinc ${q}`, barcode: `A${q}` });
    return { exact, prefixes };
  }

  test.each([
    ['sku', 'asc'],
    ['sku', 'desc'],
    ['name', 'asc'],
    ['updatedAt', 'desc'],
    ['shortfall', 'desc'],
  ])(
    'when a search sorted by %s %s is walked 1, 2 and 4 rows a page, then it equals the one-page order with no skip or repeat',
    async (sort, order) => {
      const q = tag();
      const { exact, prefixes } = await rankedItems(q);
      const all = (await get({ q, sort, order, limit: 100 })).data.map((i) => i.id);
      expect(all).toHaveLength(9);
      expect(all.slice(0, 2)).toEqual(exact);
      expect([...all.slice(2, 5)].sort()).toEqual([...prefixes].sort());
      for (const limit of [1, 2, 4]) {
        expect((await walk({ q, sort, order, limit })).ids).toEqual(all);
      }
    },
  );

  test('when a search is walked back by prevCursor from its last page, then every earlier page comes back in order', async () => {
    const q = tag();
    await rankedItems(q);
    const forward = await walk({ q, limit: 2 });
    const back: number[][] = [];
    let page = forward.last;
    back.unshift(page.data.map((i) => i.id));
    while (page.page.prevCursor) {
      page = await get({ q, limit: 2, cursor: page.page.prevCursor });
      back.unshift(page.data.map((i) => i.id));
    }
    expect(back.flat()).toEqual(forward.ids);
  });

  test('when items of every rank are created between page fetches, then the items already there neither skip nor repeat', async () => {
    const q = tag();
    await rankedItems(q);
    const before = (await get({ q, limit: 100 })).data.map((i) => i.id);
    const seen: number[] = [];
    let page = await get({ q, limit: 3 });
    let n = 0;
    for (;;) {
      seen.push(...page.data.map((i) => i.id));
      if (!page.page.nextCursor) break;
      // New rows in the rank being read, in an earlier rank and in a later one.
      n += 1;
      await createItem(api, { sku: `${q}-A${n}`, name: 'New prefix' });
      await createItem(api, { name: `Aaa new ${q} ${n}` });
      page = await get({ q, limit: 3, cursor: page.page.nextCursor });
    }
    const old = seen.filter((id) => before.includes(id));
    expect(old).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('when a search matches many items but none by prefix, then the page is every word found, in the list order', async () => {
    const q = tag();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createItem(api, { name: `Part ${q}` })).id);
    const walked = (await walk({ q, limit: 2 })).ids;
    const bySku = (await get({ q, limit: 100 })).data.map((i) => i.id);
    expect(walked).toEqual(bySku);
    expect([...walked].sort()).toEqual([...ids].sort());
  });

  test("when a search's cursor is sent with another search, a plain list or is tampered with, then it is a 400 problem, never a 500", async () => {
    const q = tag();
    await rankedItems(q);
    const cursor = (await get({ q, limit: 2 })).page.nextCursor!;
    // The same shape (a search by SKU) with other words is a position, not an error.
    await api
      .get('/api/v1/items')
      .query({ q: `${q}x`, cursor })
      .expect(200);
    const plain = await api.get('/api/v1/items').query({ cursor }).expect(400);
    expect(plain.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(plain.body)).toContain('cursor');
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { k: string[] };
    for (const rank of ['x', '1.5', '99999999999']) {
      const bad = Buffer.from(JSON.stringify({ ...decoded, k: [rank, ...decoded.k.slice(1)] }));
      const res = await api
        .get('/api/v1/items')
        .query({ q, cursor: bad.toString('base64url') })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    // A rank past the last one is a well-formed position after every match: an empty page.
    const past = Buffer.from(JSON.stringify({ ...decoded, k: ['7', ...decoded.k.slice(1)] }));
    const after = await get({ q, cursor: past.toString('base64url') });
    expect(after.data).toEqual([]);
  });

  test('when the search text is too long or not text, then it is a 400 problem naming q', async () => {
    for (const q of ['x'.repeat(201), ['a', 'b']]) {
      const res = await api.get('/api/v1/items').query({ q }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toContain('q');
    }
  });
});
