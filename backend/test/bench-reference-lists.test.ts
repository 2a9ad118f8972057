import { besideReference } from './support/beside-reference';
import { walkPages } from './support/reference-server';

// The bench's list ratios compare like with like only if the reference reads the same rows in
// the same order (decision 0015). The shortfall sort is the one whose ties are ordered by a key
// of another table (SKU after item_totals' shortfall): the reference ordered them by id, an
// easier index range than the product's contract, until this walked both.

describe('bench reference server, items list pages', () => {
  const env = besideReference(async (t) => {
    // SKUs in another order than the ids, and shortfalls with ties (most items have none).
    const rows = Array.from({ length: 140 }, (_, i) => ({
      sku: `R-${String((i * 37) % 140).padStart(3, '0')}`,
      name: `Part ${(i * 11) % 140}`,
      unit: 'each',
      reorder_point: i % 5 === 0 ? String(i % 3) : null,
    }));
    await t.db('items').insert(rows);
  });

  it.each([
    'sort=sku&order=asc',
    'sort=name&order=asc',
    'sort=updatedAt&order=desc',
    'sort=shortfall&order=desc',
  ])(
    'when both walk %s by their cursors, then they return the same rows in the same order',
    async (query) => {
      const expected = await walkPages(env.product, query);
      expect(expected).toHaveLength(140);
      expect(await walkPages(env.referenceGet, query)).toEqual(expected);
    },
  );
});
