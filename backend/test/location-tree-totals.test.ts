import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

interface Node {
  id: number;
  parentId: number | null;
  stockLines: number;
  itemsHere: number;
  totals: { unit: string; quantity: string }[];
}

/** Exact decimal sums in thousandths, as the API's strings. */
const milli = (q: string) => BigInt(Math.round(Number(q) * 1000));
const text = (m: bigint) => {
  const whole = m / 1000n;
  const frac = (m % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
};

describe('location tree totals', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  test('when a warehouse of zones and bins holds many items in several units, then every node rolls up exactly what is below it', async () => {
    const warehouse = await createLocation(api);
    const bins: { id: number; zone: number }[] = [];
    const zones: number[] = [];
    for (let z = 0; z < 4; z++) {
      const zone = await createLocation(api, { parentId: warehouse.id });
      zones.push(zone.id);
      for (let b = 0; b < 5; b++)
        bins.push({ id: (await createLocation(api, { parentId: zone.id })).id, zone: zone.id });
    }
    const units = ['each', 'kg', 'box'];
    const items = [];
    for (let i = 0; i < 12; i++) items.push(await createItem(api, { unit: units[i % 3] }));

    // Where each (item, bin) ends up, in thousandths; a deterministic spread with repeats.
    const held = new Map<string, bigint>();
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let k = 0; k < 60; k++) {
      const item = items[next(items.length)]!;
      const bin = bins[next(bins.length)]!;
      const quantity = item.unit === 'kg' ? `${1 + next(40)}.${next(1000)}` : `${1 + next(40)}`;
      await receive(api, item, bin, quantity);
      const key = `${item.id}:${bin.id}`;
      held.set(key, (held.get(key) ?? 0n) + milli(quantity));
    }
    // One line emptied again: it must count neither in totals nor in stock lines.
    const [emptied, all] = [...held.entries()][0]!;
    const [itemId, binId] = emptied.split(':').map(Number) as [number, number];
    await postMovement(api, {
      kind: 'ship',
      itemId,
      fromLocationId: binId,
      quantity: text(all),
    });
    held.set(emptied, 0n);

    const unitOf = new Map(items.map((i) => [i.id, i.unit]));
    const zoneOf = new Map(bins.map((b) => [b.id, b.zone]));
    const expected = new Map<
      number,
      { totals: Map<string, bigint>; lines: number; here: number }
    >();
    const add = (node: number, item: number, q: bigint, direct: boolean) => {
      const e = expected.get(node) ?? { totals: new Map(), lines: 0, here: 0 };
      expected.set(node, e);
      if (q === 0n) return;
      const unit = unitOf.get(item)!;
      e.totals.set(unit, (e.totals.get(unit) ?? 0n) + q);
      e.lines++;
      if (direct) e.here++;
    };
    for (const [key, q] of held) {
      const [item, bin] = key.split(':').map(Number) as [number, number];
      add(bin, item, q, true);
      for (const node of [zoneOf.get(bin)!, warehouse.id]) add(node, item, q, false);
    }

    const tree = (await api.get('/api/v1/locations/tree').expect(200)).body.data as Node[];
    for (const node of [warehouse.id, ...zones, ...bins.map((b) => b.id)]) {
      const got = tree.find((n) => n.id === node)!;
      const want = expected.get(node);
      const wantTotals = [...(want?.totals ?? new Map<string, bigint>())]
        .filter(([, q]) => q !== 0n)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([unit, q]) => ({ unit, quantity: text(q) }));
      expect({
        id: node,
        totals: got.totals,
        stockLines: got.stockLines,
        itemsHere: got.itemsHere,
      }).toEqual({
        id: node,
        totals: wantTotals,
        stockLines: want?.lines ?? 0,
        itemsHere: want?.here ?? 0,
      });
    }
  });
});
