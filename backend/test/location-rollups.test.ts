import { seed as seedDemoData } from '../src/cli/seed';
import {
  foldStockDeltas,
  rebuildLocationStockTotals,
} from '../src/modules/locations/locations.service';
import { createItem, createLocation, type ItemRow, type LocationRow } from './support/factories';
import { figuresFromApi, figuresFromScratch } from './support/location-rollups';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The tree's roll-ups are folded from deltas the movements append (docs/decisions/0023):
// whatever happens, and whether or not a fold ran in between, they equal a computation from
// the balances.
describe('location roll-ups', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  const expectExact = async () =>
    expect(await figuresFromApi(api)).toEqual(await figuresFromScratch(t.db));

  test('when random movements, transfers, reversals, moves, archives and folds follow one another, then the roll-ups always equal a computation from the balances', async () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const pick = <T>(xs: T[]) => xs[rand(xs.length)]!;
    const warehouses = [await createLocation(api), await createLocation(api)];
    const zones: LocationRow[] = [];
    for (const wh of warehouses)
      for (let z = 0; z < 2; z++) zones.push(await createLocation(api, { parentId: wh.id }));
    const places: LocationRow[] = [...warehouses, ...zones];
    for (const zone of zones)
      for (let b = 0; b < 2; b++) places.push(await createLocation(api, { parentId: zone.id }));
    const items: ItemRow[] = [];
    for (const unit of ['each', 'kg', 'box', 'kg']) items.push(await createItem(api, { unit }));
    const qty = (item: ItemRow) =>
      item.unit === 'kg' ? `${1 + rand(20)}.${rand(1000)}` : `${1 + rand(20)}`;
    const posted: number[] = [];
    const outcomes = new Map<string, number>();
    const note = (what: string, status: number) =>
      outcomes.set(`${what} ${status}`, (outcomes.get(`${what} ${status}`) ?? 0) + 1);

    for (let step = 1; step <= 240; step++) {
      const item = pick(items);
      const [a, b] = [pick(places), pick(places)];
      const op = rand(10);
      let res;
      if (op <= 2)
        res = await api
          .post('/api/v1/movements')
          .send({ kind: 'receive', itemId: item.id, toLocationId: a.id, quantity: qty(item) });
      else if (op === 3)
        res = await api
          .post('/api/v1/movements')
          .send({ kind: 'ship', itemId: item.id, fromLocationId: a.id, quantity: qty(item) });
      else if (op <= 5 && a.id !== b.id)
        res = await api.post('/api/v1/movements').send({
          kind: 'transfer',
          itemId: item.id,
          fromLocationId: a.id,
          toLocationId: b.id,
          quantity: qty(item),
        });
      else if (op === 6)
        res = await api
          .post('/api/v1/movements')
          .send({ kind: 'count', itemId: item.id, locationId: a.id, countedQuantity: rand(3) });
      else if (op === 7 && posted.length > 0)
        res = await api.post(`/api/v1/movements/${pick(posted)}/reverse`).send({});
      else if (op === 8)
        // A move (a cycle is refused with 422 and changes nothing).
        res = await api
          .patch(`/api/v1/locations/${a.id}`)
          .send({ parentId: b.id === a.id ? null : b.id });
      else res = await api.post(`/api/v1/locations/${a.id}/${rand(2) ? 'archive' : 'unarchive'}`);
      note(`op${op}`, res.status);
      if (res.status === 201 && res.body.kind) posted.push(res.body.id as number);
      if (rand(4) === 0) await foldStockDeltas(t.db);
      if (step % 20 === 0) await expectExact();
    }
    // The walk did what it set out to do: stock moved, places moved and were archived.
    expect(posted.length).toBeGreaterThan(60);
    expect(outcomes.get('op8 200')).toBeGreaterThan(5);
    expect(outcomes.get('op9 200')).toBeGreaterThan(5);
    await foldStockDeltas(t.db);
    await expectExact();
    await rebuildLocationStockTotals(t.db);
    await expectExact();
  });

  test('when a location with stock moves to another branch, then the old branch loses its totals and the new one gains them, with no fold in between', async () => {
    const [from, to] = [await createLocation(api), await createLocation(api)];
    const bin = await createLocation(api, { parentId: from.id });
    const item = await createItem(api, { unit: 'kg' });
    await api
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: bin.id, quantity: '2.5' })
      .expect(201);
    await api.patch(`/api/v1/locations/${bin.id}`).send({ parentId: to.id }).expect(200);
    const figures = await figuresFromApi(api);
    expect(figures.get(from.id)).toEqual({ stockLines: 0, itemsHere: 0, totals: [] });
    expect(figures.get(to.id)).toEqual({
      stockLines: 1,
      itemsHere: 0,
      totals: [{ unit: 'kg', quantity: '2.5' }],
    });
  });

  test('when the deltas are folded, then the tree reads exactly what it read before', async () => {
    const bin = await createLocation(api);
    const item = await createItem(api, { unit: 'box' });
    for (const quantity of [3, 4, 5])
      await api
        .post('/api/v1/movements')
        .send({ kind: 'receive', itemId: item.id, toLocationId: bin.id, quantity })
        .expect(201);
    const before = await figuresFromApi(api);
    expect(await foldStockDeltas(t.db)).toBeGreaterThanOrEqual(3);
    expect(await figuresFromApi(api)).toEqual(before);
    expect(before.get(bin.id)).toEqual({
      stockLines: 1,
      itemsHere: 1,
      totals: [{ unit: 'box', quantity: '12' }],
    });
  });

  test('when stock is written without movements and the roll-ups are rebuilt, then they equal the balances', async () => {
    const bin = await createLocation(api);
    const item = await createItem(api, { unit: 'kg' });
    // As the seed does: balances written directly, then the rebuild it runs.
    await t.db('stock_levels').insert({ item_id: item.id, location_id: bin.id, quantity: '7.25' });
    expect((await figuresFromApi(api)).get(bin.id)!.stockLines).toBe(0);
    await rebuildLocationStockTotals(t.db);
    await expectExact();
    expect((await figuresFromApi(api)).get(bin.id)).toEqual({
      stockLines: 1,
      itemsHere: 1,
      totals: [{ unit: 'kg', quantity: '7.25' }],
    });
  });

  test('when the seed writes its stock, then the roll-ups equal the balances', async () => {
    await seedDemoData(t.db, { items: 30, movements: 201, prefix: 'TROLL', force: true });
    const figures = await figuresFromApi(api);
    expect([...figures.values()].some((f) => f.stockLines > 0)).toBe(true);
    await expectExact();
  });
});
