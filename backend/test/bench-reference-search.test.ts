import { besideReference } from './support/beside-reference';
import { walkPages } from './support/reference-server';

// `npm run bench` divides the product's requests per second by a plain reference server's
// (scripts/bench/reference-server.mjs, decision 0015). The ratio means something only if both
// do the same work: for a search, the same rows in the same order on every page (exact SKU or
// barcode, then prefixes, then the rest; every word in any order). This runs the reference on
// the test database and walks each search on both servers, each by its own cursors.

describe('bench reference server, items search', () => {
  const env = besideReference(async (t) => {
    const rows = [
      { sku: 'HINGE', name: 'Hinge master', barcode: null },
      { sku: 'ZZ-DOOR', name: 'Door part', barcode: 'HINGE' },
      { sku: 'hinge-2', name: 'Spare', barcode: '4000900' },
      ...Array.from({ length: 60 }, (_, i) => ({
        sku: `HG-${String(i).padStart(3, '0')}`,
        name: `${i % 2 ? 'Steel' : 'Brass'} hinge ${30 + (i % 7)}mm`,
        barcode: i % 3 ? `4000${100 + i}` : null,
      })),
      ...Array.from({ length: 55 }, (_, i) => ({
        sku: `PIN-${String(i).padStart(3, '0')}`,
        name: `Hinge pin ${i}`,
        barcode: i % 4 ? null : `hinge${i}`,
      })),
      { sku: 'GL-1', name: 'Nitrile gloves, size L', barcode: null },
      { sku: 'GL-2', name: 'L-size gloves', barcode: null },
      { sku: 'GL-3', name: 'Vinyl gloves, size M', barcode: null },
      { sku: 'GL-4', name: 'Gloves (large)', barcode: null },
    ];
    await t.db('items').insert(rows.map((r) => ({ ...r, unit: 'each' })));
  });

  it.each([
    'q=hinge',
    'q=HINGE',
    'q=hinge&sort=name&order=asc',
    'q=hinge&sort=updatedAt&order=desc',
    'q=4000900',
    'q=hinge%2035mm',
    'q=gloves%20L',
    'q=l%20gloves',
    'q=pin',
  ])(
    'when both servers are asked %s, then they return the same rows in the same order',
    async (query) => {
      const mine = await walkPages(env.product, query);
      expect(mine.length).toBeGreaterThan(0);
      expect(await walkPages(env.referenceGet, query)).toEqual(mine);
    },
  );

  it('when "HINGE" is searched, then the exact SKU and barcode lead and the prefixes follow', async () => {
    const ids = await walkPages(env.referenceGet, 'q=HINGE');
    const skus = await env.t.db('items').whereIn('id', ids).select('id', 'sku');
    const sku = new Map(skus.map((r: { id: number; sku: string }) => [Number(r.id), r.sku]));
    const ordered = ids.map((id) => sku.get(id));
    expect(ordered.slice(0, 3)).toEqual(['HINGE', 'ZZ-DOOR', 'hinge-2']);
    // 55 names start with "Hinge pin": rank 2 before the 60 names with "hinge" inside.
    expect(ordered.slice(3, 58).every((s) => s?.startsWith('PIN-'))).toBe(true);
    expect(ordered.slice(58)).toHaveLength(60);
    expect(ordered.slice(58).every((s) => s?.startsWith('HG-'))).toBe(true);
  });

  it('when the unranked substring is asked for, then a phrase matches only as written', async () => {
    const ranked = await walkPages(env.referenceGet, 'q=gloves%20L');
    const substring = await walkPages(env.referenceGet, 'q=gloves%20L&match=substring');
    expect(ranked).toHaveLength(3);
    expect(substring).toHaveLength(0);
  });
});
