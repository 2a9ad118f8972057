import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The shortfall sort and the low-stock filter read item_totals' copy of the reorder point and
// its generated shortfall column (kept by a trigger on items and by the movement's own write),
// not the two tables side by side. These check that the copy follows every change at once.

type Page = { data: { id: number; onHand: string; reorderPoint: string | null }[] };

describe('items by shortfall and low stock', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  const category = () => `short-${Math.random().toString(36).slice(2, 8)}`;
  const ids = async (query: Record<string, unknown>) =>
    ((await api.get('/api/v1/items').query(query).expect(200)).body as Page).data.map((i) => i.id);
  const byShortfall = (c: string) => ids({ category: c, sort: 'shortfall', order: 'desc' });
  const low = (c: string) =>
    ids({ category: c, lowStock: 'true', sort: 'shortfall', order: 'desc' });

  test('when reorder points are set, raised and cleared, then the shortfall order and the low-stock filter follow at once', async () => {
    const c = category();
    const a = await createItem(api, { category: c, reorderPoint: '5' });
    const b = await createItem(api, { category: c, reorderPoint: '10' });
    const none = await createItem(api, { category: c });
    // Never stocked: on hand 0, so the shortfall is the reorder point.
    expect(await byShortfall(c)).toEqual([b.id, a.id, none.id]);
    expect(await low(c)).toEqual([b.id, a.id]);

    await api.patch(`/api/v1/items/${a.id}`).send({ reorderPoint: '20' }).expect(200);
    expect(await byShortfall(c)).toEqual([a.id, b.id, none.id]);

    await api.patch(`/api/v1/items/${b.id}`).send({ reorderPoint: null }).expect(200);
    await api.patch(`/api/v1/items/${none.id}`).send({ reorderPoint: '0' }).expect(200);
    expect(await byShortfall(c)).toEqual([a.id, none.id, b.id]);
    // At exactly the reorder point (0 on hand, point 0) is low, as on the dashboard.
    expect(await low(c)).toEqual([a.id, none.id]);
  });

  test('when stock is received, moved and shipped, then the shortfall follows the total in the same request', async () => {
    const c = category();
    const bin = await createLocation(api);
    const other = await createLocation(api);
    const a = await createItem(api, { category: c, reorderPoint: '10' });
    const b = await createItem(api, { category: c, reorderPoint: '4' });
    expect(await byShortfall(c)).toEqual([a.id, b.id]);

    await receive(api, a, bin, 9); // a: 10 − 9 = 1, b: 4
    expect(await byShortfall(c)).toEqual([b.id, a.id]);
    expect(await low(c)).toEqual([b.id, a.id]);

    await receive(api, a, bin, 2); // a: −1 (above its point), no longer low
    expect(await low(c)).toEqual([b.id]);

    // A transfer leaves the total as it was; a shipment lowers it.
    await postMovement(api, {
      kind: 'transfer',
      itemId: a.id,
      fromLocationId: bin.id,
      toLocationId: other.id,
      quantity: 5,
    });
    expect(await low(c)).toEqual([b.id]);
    await postMovement(api, { kind: 'ship', itemId: a.id, fromLocationId: other.id, quantity: 5 });
    expect(await byShortfall(c)).toEqual([a.id, b.id]); // a: 10 − 6 = 4, ties by SKU
    expect((await low(c)).sort()).toEqual([a.id, b.id].sort());
  });

  test('when an item is written straight to the database, then its total row and reorder point copy exist too', async () => {
    const c = category();
    const [row] = (await t
      .db('items')
      .insert({ sku: `RAW-${c}`, name: 'Raw insert', category: c, reorder_point: '3' })
      .returning('id')) as { id: string }[];
    const id = Number(row!.id);
    expect(await low(c)).toEqual([id]);
    await t.db('items').where({ id }).update({ reorder_point: null });
    expect(await low(c)).toEqual([]);
    expect(await byShortfall(c)).toEqual([id]);
    const [copy] = (await t.db('item_totals').where({ item_id: id })) as {
      reorder_point: string | null;
      shortfall: string | null;
    }[];
    expect(copy).toMatchObject({ reorder_point: null, shortfall: null });
  });

  test('when an item without a ledger is deleted, then its total row goes with it', async () => {
    const c = category();
    const item = await createItem(api, { category: c, reorderPoint: '1' });
    await api.delete(`/api/v1/items/${item.id}`).expect(204);
    expect(await t.db('item_totals').where({ item_id: item.id })).toEqual([]);
  });
  test('when the list is sorted by shortfall, then each item shows the same total on hand as in the other sorts', async () => {
    // The shortfall sort reads the total from the item_totals row it joins for its order.
    const c = category();
    const place = await createLocation(api);
    const stocked = await createItem(api, { category: c, reorderPoint: '10', unit: 'kg' });
    await receive(api, stocked, place, '2.5');
    const empty = await createItem(api, { category: c, reorderPoint: '1' });
    const totals = async (sort: string) =>
      (
        (await api.get('/api/v1/items').query({ category: c, sort, order: 'desc' }).expect(200))
          .body as Page
      ).data.map((i) => [i.id, i.onHand]);
    const expected = [
      [stocked.id, '2.5'],
      [empty.id, '0'],
    ];
    expect(await totals('shortfall')).toEqual(expected);
    expect((await totals('sku')).sort()).toEqual([...expected].sort());
  });
});
