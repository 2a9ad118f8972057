import {
  createItem,
  createLocation,
  postMovement,
  receive,
  transfer,
  unique,
} from './support/factories';
import { foldStockDeltas } from '../src/modules/locations/locations.service';
import { statementsOf } from './support/explain';
import { foldCountDeltas } from '../src/modules/items/items.service';
import { createTestApp, type TestApp } from './support/test-app';

describe('stock views', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an item is stocked in two places, then its stock lists both with the total; empty places are left out', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const [a, b, c] = [
      await createLocation(t.as('admin')),
      await createLocation(t.as('admin')),
      await createLocation(t.as('admin')),
    ];
    await receive(t.as('admin'), item, a, '1.25');
    await receive(t.as('admin'), item, b, '2');
    await receive(t.as('admin'), item, c, '1');
    await postMovement(t.as('admin'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: c.id,
      quantity: 1,
    });
    const res = await t.as('admin').get(`/api/v1/items/${item.id}/stock`).expect(200);
    expect(res.body.total).toBe('3.25');
    expect(
      res.body.data.map((l: { location: { id: number }; quantity: string }) => [
        l.location.id,
        l.quantity,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [a.id, '1.25'],
        [b.id, '2'],
      ]),
    );
    expect(res.body.data).toHaveLength(2);
    const item404 = await t.as('admin').get('/api/v1/items/99999999/stock').expect(404);
    expect(item404.body.code).toBe('ITEM_NOT_FOUND');
    // An item that exists but holds nothing (stock read in one query from the item).
    const empty = await createItem(t.as('admin'));
    const none = await t.as('admin').get(`/api/v1/items/${empty.id}/stock`).expect(200);
    expect(none.body).toEqual({ itemId: empty.id, total: '0', data: [] });
  });

  test('when the stock of an item is read, then each place comes in code order with its times as stored, to the millisecond', async () => {
    const item = await createItem(t.as('admin'));
    const [b, a] = [
      await createLocation(t.as('admin'), { code: unique('b-loc') }),
      await createLocation(t.as('admin'), { code: unique('A-LOC') }),
    ];
    await receive(t.as('admin'), item, b, 2);
    await receive(t.as('admin'), item, a, 1);
    // Microseconds the API cuts, and an archived place (the API refuses one that holds stock;
    // the read must still show what the table says).
    await t
      .db('stock_levels')
      .where({ item_id: item.id, location_id: a.id })
      .update({
        updated_at: t.db.raw(`'2026-03-04 05:06:07.891234+00'`),
      });
    await t
      .db('locations')
      .where({ id: b.id })
      .update({
        archived_at: t.db.raw(`'2025-12-31 23:59:59.9999+00'`),
      });
    const stored = await t
      .db('stock_levels')
      .where({ item_id: item.id })
      .select('location_id', 'updated_at');
    const archived = await t.db('locations').where({ id: b.id }).first('archived_at');
    const res = await t.as('admin').get(`/api/v1/items/${item.id}/stock`).expect(200);
    expect(res.body.data).toEqual([
      {
        location: { id: a.id, code: a.code, name: a.name, archivedAt: null },
        quantity: '1',
        updatedAt: '2026-03-04T05:06:07.891Z',
      },
      {
        location: {
          id: b.id,
          code: b.code,
          name: b.name,
          archivedAt: (archived.archived_at as Date).toISOString(),
        },
        quantity: '2',
        updatedAt: (
          stored.find((r: { location_id: string }) => Number(r.location_id) === b.id)
            .updated_at as Date
        ).toISOString(),
      },
    ]);
    expect(res.body.data[1].location.archivedAt).toBe('2025-12-31T23:59:59.999Z');
  });

  test('when a place does not exist, then its stock page is a 404 that names it, filtered or not', async () => {
    for (const query of [{}, { q: 'x' }]) {
      const res = await t
        .as('admin')
        .get('/api/v1/locations/99999999/stock')
        .query(query)
        .expect(404);
      expect(res.body).toMatchObject({ code: 'LOCATION_NOT_FOUND' });
    }
  });

  test('when a location holds several items, then its stock lists each with a total count', async () => {
    const loc = await createLocation(t.as('admin'));
    const [x, y] = [await createItem(t.as('admin')), await createItem(t.as('admin'))];
    await receive(t.as('admin'), x, loc, 4);
    await receive(t.as('admin'), y, loc, 6);
    const res = await t.as('admin').get(`/api/v1/locations/${loc.id}/stock`).expect(200);
    expect(res.body.page.count).toBe(2);
    expect(res.body.data.map((l: { item: { id: number } }) => l.item.id).sort()).toEqual(
      [x.id, y.id].sort(),
    );
  });

  test('when an item total falls below its reorder point, then it is in low stock with the shortfall', async () => {
    const low = await createItem(t.as('admin'), { reorderPoint: 10 });
    const fine = await createItem(t.as('admin'), { reorderPoint: 2 });
    const never = await createItem(t.as('admin'), { reorderPoint: 1 });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), low, loc, 4);
    await receive(t.as('admin'), fine, loc, 5);
    const res = await t.as('admin').get('/api/v1/stock/low').query({ limit: 200 }).expect(200);
    const byId = new Map(res.body.data.map((r: { item: { id: number } }) => [r.item.id, r]));
    expect(byId.get(low.id)).toMatchObject({ onHand: '4', shortfall: '6' });
    expect(byId.get(never.id)).toMatchObject({ onHand: '0', shortfall: '1' });
    expect(byId.has(fine.id)).toBe(false);
  });

  test('when items are created and archived, before and after the stored counts are folded, then the summary counts the active items exactly', async () => {
    const api = t.as('admin');
    const truth = async () =>
      Number(
        (await t.db('items').whereNull('archived_at').count<{ n: string }[]>({ n: '*' }))[0]!.n,
      );
    const active = async () =>
      (await api.get('/api/v1/stock/summary').expect(200)).body.activeItems as number;
    const [a, b] = [await createItem(api), await createItem(api)];
    expect(await active()).toBe(await truth());
    await api.post(`/api/v1/items/${a.id}/archive`).expect(200);
    expect(await active()).toBe(await truth());
    await foldCountDeltas(t.db);
    expect(await active()).toBe(await truth());
    await api.post(`/api/v1/items/${b.id}/archive`).expect(200);
    await api.post(`/api/v1/items/${a.id}/unarchive`).expect(200);
    expect(await active()).toBe(await truth());
  });

  test('when stock lines appear and disappear, before and after the roll-ups are folded, then the summary counts them exactly', async () => {
    const api = t.as('admin');
    const truth = async () =>
      Number(
        (
          await t.db('stock_levels').where('quantity', '>', 0).count<{ n: string }[]>({ n: '*' })
        )[0]!.n,
      );
    const lines = async () =>
      (await api.get('/api/v1/stock/summary').expect(200)).body.stockLines as number;
    const item = await createItem(api);
    const [a, b] = [await createLocation(api), await createLocation(api)];
    await receive(api, item, a, 2);
    expect(await lines()).toBe(await truth());
    await transfer(api, item, a, b, 1); // a line more
    expect(await lines()).toBe(await truth());
    await foldStockDeltas(t.db);
    expect(await lines()).toBe(await truth());
    await transfer(api, item, a, b, 1); // a empties: a line less
    expect(await lines()).toBe(await truth());
    await postMovement(api, { kind: 'ship', itemId: item.id, fromLocationId: b.id, quantity: 2 });
    expect(await lines()).toBe(await truth());
    await foldStockDeltas(t.db);
    expect(await lines()).toBe(await truth());
  });

  test("when lines appear and disappear at a place, before and after the roll-ups are folded, then its page's count is exact", async () => {
    const api = t.as('admin');
    const [x, y] = [await createItem(api), await createItem(api)];
    const [a, b] = [await createLocation(api), await createLocation(api)];
    const page = async (id: number) =>
      (await api.get(`/api/v1/locations/${id}/stock`).expect(200)).body as {
        data: unknown[];
        page: { count: number; countExact: boolean };
      };
    const expectExact = async () => {
      for (const id of [a.id, b.id]) {
        const { data, page: p } = await page(id);
        expect(p).toMatchObject({ count: data.length, countExact: true });
      }
    };
    await receive(api, x, a, 2);
    await receive(api, y, a, 1);
    await expectExact();
    await transfer(api, x, a, b, 1); // b: a line more
    await expectExact();
    await foldStockDeltas(t.db);
    await expectExact();
    await transfer(api, y, a, b, 1); // a: a line less, b: one more
    await expectExact();
    await postMovement(api, { kind: 'ship', itemId: x.id, fromLocationId: b.id, quantity: 1 });
    await foldStockDeltas(t.db);
    await expectExact();
    expect((await page(b.id)).page.count).toBe(1);
  });

  test('when the summary is read, then it does not count every balance', async () => {
    // The stock lines come from the locations' roll-ups: counting stock_levels read every
    // balance on every dashboard visit (58 ms at 300,000).
    const statements = await statementsOf(t.db, /\bstock_levels\b/, () =>
      t.as('admin').get('/api/v1/stock/summary').expect(200),
    );
    expect(statements.map((s) => s.sql)).toEqual([]);
  });

  test('when asking for the summary, then counts reflect new rows', async () => {
    const before = (await t.as('admin').get('/api/v1/stock/summary').expect(200)).body;
    const item = await createItem(t.as('admin'), { reorderPoint: 100 });
    await receive(t.as('admin'), item, await createLocation(t.as('admin')), 1);
    const after = (await t.as('admin').get('/api/v1/stock/summary').expect(200)).body;
    expect(after.activeItems).toBe(before.activeItems + 1);
    expect(after.activeLocations).toBe(before.activeLocations + 1);
    expect(after.stockLines).toBe(before.stockLines + 1);
    expect(after.lowStockItems).toBe(before.lowStockItems + 1);
    expect(after.movementsLast24h).toBe(before.movementsLast24h + 1);
  });
});
