import {
  productItems,
  referenceItems,
  startReferenceServer,
  walkPages,
  type GetPage,
  type ReferenceServer,
} from './support/reference-server';
import { createTestApp, type TestApp } from './support/test-app';

// The bench's list ratios compare like with like only if the reference reads the same rows in
// the same order (decision 0015). The shortfall sort is the one whose ties are ordered by a key
// of another table (SKU after item_totals' shortfall): the reference ordered them by id, an
// easier index range than the product's contract, until this walked both.

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

  const product: GetPage = (query) => productItems(t.as('admin'))(query);
  const referenceGet: GetPage = (query) => referenceItems(reference, t.headers('admin'))(query);

  it.each([
    'sort=sku&order=asc',
    'sort=name&order=asc',
    'sort=updatedAt&order=desc',
    'sort=shortfall&order=desc',
  ])(
    'when both walk %s by their cursors, then they return the same rows in the same order',
    async (query) => {
      const expected = await walkPages(product, query);
      expect(expected).toHaveLength(140);
      expect(await walkPages(referenceGet, query)).toEqual(expected);
    },
  );
});
