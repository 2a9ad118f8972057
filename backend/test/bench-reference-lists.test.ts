import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { createTestApp, type TestApp } from './support/test-app';

// The bench's list ratios compare like with like only if the reference reads the same rows in
// the same order (decision 0015). The shortfall sort is the one whose ties are ordered by a key
// of another table (SKU after item_totals' shortfall): the reference ordered them by id, an
// easier index range than the product's contract, until this walked both.

interface Page {
  data: { id: number }[];
  page: { nextCursor: string | null };
}

describe('bench reference server, items list pages', () => {
  let t: TestApp;
  let reference: ReferenceServer;

  beforeAll(async () => {
    t = await createTestApp();
    // SKUs in another order than the ids, and shortfalls with ties (most items have none).
    const rows = Array.from({ length: 140 }, (_, i) => ({
      sku: `R-${String((i * 37) % 140).padStart(3, '0')}`,
      name: `Part ${(i * 11) % 140}`,
      unit: 'each',
      reorder_point: i % 5 === 0 ? String(i % 3) : null,
    }));
    await t.db('items').insert(rows);
    reference = await startReferenceServer(t.database.url);
  });

  afterAll(async () => {
    reference?.stop();
    await t?.close();
  });

  async function walk(get: (query: string) => Promise<Page>, query: string): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
      ids.push(...page.data.map((r) => r.id));
      cursor = page.page.nextCursor;
    } while (cursor && ids.length < 1000);
    return ids;
  }

  const product = async (query: string) => {
    const res = await t.as('admin').get(`/api/v1/items?limit=50&${query}`);
    if (res.status !== 200) throw new Error(`product ${query}: ${res.status}`);
    return res.body as Page;
  };
  const referenceGet = async (query: string) => {
    const res = await fetch(`${reference.base}/api/v1/items?${query}`, {
      headers: t.headers('admin'),
    });
    if (res.status !== 200) throw new Error(`reference ${query}: ${res.status}`);
    return (await res.json()) as Page;
  };

  it.each([
    'sort=sku&order=asc',
    'sort=name&order=asc',
    'sort=updatedAt&order=desc',
    'sort=shortfall&order=desc',
  ])(
    'when both walk %s by their cursors, then they return the same rows in the same order',
    async (query) => {
      const expected = await walk(product, query);
      expect(expected).toHaveLength(140);
      expect(await walk(referenceGet, query)).toEqual(expected);
    },
  );
});
