import { createItem } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

const tag = () => `QZ${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe('items search', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  const search = async (q: string, extra: Record<string, unknown> = {}) =>
    (
      (
        await api
          .get('/api/v1/items')
          .query({ q, ...extra })
          .expect(200)
      ).body as {
        data: { id: number }[];
      }
    ).data.map((i) => i.id);

  test('when searching, then the exact SKU comes first, then the exact barcode, then prefixes, then the rest; no barcode is not ranked ahead', async () => {
    const q = tag();
    // SKUs chosen so that the plain SKU order is the reverse of the expected ranking.
    const substringNoBarcode = await createItem(api, { sku: `A-${q}-1`, name: 'Box' });
    const substringWithBarcode = await createItem(api, { sku: `B-${q}-2`, barcode: `X${q}` });
    const prefix = await createItem(api, {
      sku: `C-1`.replace('1', q.slice(2)),
      name: `${q} tray`,
    });
    const exactBarcode = await createItem(api, { sku: `D-${q}`, barcode: q });
    const exactSku = await createItem(api, { sku: q, name: 'Exact' });
    expect(await search(q)).toEqual([
      exactSku.id,
      exactBarcode.id,
      prefix.id,
      substringNoBarcode.id,
      substringWithBarcode.id,
    ]);
    // Any case finds the SKU first as well; the ranking holds in a descending sort too.
    expect((await search(q.toLowerCase()))[0]).toBe(exactSku.id);
    const desc = await search(q, { order: 'desc' });
    expect(desc.slice(0, 3)).toEqual([exactSku.id, exactBarcode.id, prefix.id]);
  });

  test('when the words are given in any order, then every word must match somewhere', async () => {
    const q = tag();
    // Fixed SKUs: the factory's random one can hold a part starting with "L" or "XL" ("SKU-…-LX4Q"),
    // which starts a word as the short word must, and the other item would match too.
    const gloves = await createItem(api, { sku: `G1-${q}`, name: `Nitrile gloves, size L ${q}` });
    await createItem(api, { sku: `G2-${q}`, name: `Vinyl gloves, size M ${q}` });
    expect(await search(`gloves L ${q}`)).toEqual([gloves.id]);
    expect(await search(`${q} l GLOVES`)).toEqual([gloves.id]);
    expect(await search(`size nitrile ${q}`)).toEqual([gloves.id]);
    expect(await search(`gloves ${q} XL`)).toEqual([]);
  });

  test('when a search pages by cursor, then the ranking continues across pages without repeats', async () => {
    const q = tag();
    const exact = await createItem(api, { sku: q });
    const rest = [];
    for (let i = 0; i < 5; i++) rest.push(await createItem(api, { name: `Part ${i} of ${q}` }));
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api
        .get('/api/v1/items')
        .query({ q, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      ids.push(...(res.body.data as { id: number }[]).map((i) => i.id));
      cursor = res.body.page.nextCursor as string | null;
    } while (cursor);
    expect(ids[0]).toBe(exact.id);
    expect([...ids].sort()).toEqual([exact.id, ...rest.map((r) => r.id)].sort());
  });

  test('when a search has regex or LIKE characters in a short word, then they match literally', async () => {
    const q = tag();
    const item = await createItem(api, { name: `Fuse 5A (.5) ${q}` });
    expect(await search(`(.5) ${q}`)).toEqual([item.id]);
    expect(await search(`.* ${q}`)).toEqual([]);
  });

  test('when a search page holds every match, or only some, or is a later page, then its count is the exact number of matches', async () => {
    const q = tag();
    for (const name of ['Bin', 'Lid', 'Tray']) await createItem(api, { name: `${name} ${q}` });
    const page = async (query: Record<string, unknown>) =>
      (await api.get('/api/v1/items').query(query).expect(200)).body as {
        data: unknown[];
        page: { nextCursor: string | null; count: number; countExact: boolean };
      };
    // Every match on the first page: the count comes from the page itself.
    const whole = await page({ q, limit: 5 });
    expect(whole.data).toHaveLength(3);
    expect(whole.page).toMatchObject({ nextCursor: null, count: 3, countExact: true });
    // A full first page and the page after it: counted, not the page's length.
    const first = await page({ q, limit: 2 });
    expect(first.page).toMatchObject({ count: 3, countExact: true });
    const second = await page({ q, limit: 2, cursor: first.page.nextCursor });
    expect(second.data).toHaveLength(1);
    expect(second.page).toMatchObject({ nextCursor: null, count: 3, countExact: true });
    // No match at all: an empty first page counts 0.
    expect((await page({ q: `${q}none` })).page).toMatchObject({ count: 0, countExact: true });
  });
  test('when a search matches more than 100 items, then its count stops at 100 and says so; up to 100 it is exact, and a list without a search still counts to 1,000', async () => {
    const q = tag();
    for (let i = 0; i < 100; i++) await createItem(api, { name: `Hinge ${i} ${q}` });
    const page = async (query: Record<string, unknown>) =>
      (
        (await api.get('/api/v1/items').query(query).expect(200)).body as {
          page: { count: number; countExact: boolean };
        }
      ).page;
    // A full first page (50 of 100): counted, and exactly.
    expect(await page({ q, limit: 50 })).toEqual(
      expect.objectContaining({ count: 100, countExact: true }),
    );
    await createItem(api, { name: `Hinge extra ${q}` });
    expect(await page({ q, limit: 50 })).toEqual(
      expect.objectContaining({ count: 100, countExact: false }),
    );
    // Pages larger than half the cap count to twice the page, so "shown of" never exceeds it.
    expect(await page({ q, limit: 60 })).toEqual(
      expect.objectContaining({ count: 101, countExact: true }),
    );
    // The same 101 items without a search: the list's own cap (1,000) is not reached.
    const all = await page({ limit: 50 });
    expect(all.countExact).toBe(true);
    expect(all.count).toBeGreaterThanOrEqual(101);
  });
});
