import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('/api/v1/locations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when a warehouse → zone → bin tree is built, then the tree lists it depth-first with stock per location', async () => {
    const wh = await createLocation(t.as('admin'), { code: 'TWH1', name: 'Warehouse 1' });
    const zoneB = await createLocation(t.as('admin'), {
      code: 'TWH1-B',
      name: 'Zone B',
      parentId: wh.id,
    });
    const zoneA = await createLocation(t.as('admin'), {
      code: 'TWH1-A',
      name: 'Zone A',
      parentId: wh.id,
    });
    const bin = await createLocation(t.as('admin'), {
      code: 'TWH1-A-03',
      name: 'Bin 3',
      parentId: zoneA.id,
    });
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    await receive(t.as('admin'), item, bin, '2.5');

    const res = await t.as('admin').get('/api/v1/locations/tree').expect(200);
    const ours = (
      res.body.data as {
        id: number;
        depth: number;
        stockLines: number;
        totals: { unit: string; quantity: string }[];
      }[]
    ).filter((n) => [wh.id, zoneA.id, zoneB.id, bin.id].includes(n.id));
    expect(ours.map((n) => [n.id, n.depth])).toEqual([
      [wh.id, 0],
      [zoneA.id, 1],
      [bin.id, 2],
      [zoneB.id, 1],
    ]);
    expect(ours.find((n) => n.id === bin.id)).toMatchObject({
      stockLines: 1,
      itemsHere: 1,
      totals: [{ unit: 'kg', quantity: '2.5' }],
    });
  });

  test('when boxes and kilograms sit in one zone, then the zone and its warehouse roll them up per unit, never adding one to the other', async () => {
    const api = t.as('admin');
    const wh = await createLocation(api);
    const zone = await createLocation(api, { parentId: wh.id });
    const binA = await createLocation(api, { parentId: zone.id });
    const binB = await createLocation(api, { parentId: zone.id });
    const other = await createLocation(api, { parentId: wh.id });
    const boxes = await createItem(api, { unit: 'box' });
    const flour = await createItem(api, { unit: 'kg' });
    const sugar = await createItem(api, { unit: 'kg' });
    await receive(api, boxes, binA, 3);
    await receive(api, boxes, binB, 4);
    await receive(api, flour, binA, '0.125');
    await receive(api, sugar, binB, '2.005');
    await receive(api, flour, zone, '10');
    await receive(api, sugar, other, '1.5');

    const res = await api.get('/api/v1/locations/tree').expect(200);
    const byId = new Map(
      (
        res.body.data as {
          id: number;
          stockLines: number;
          totals: { unit: string; quantity: string }[];
        }[]
      ).map((n) => [n.id, n]),
    );
    expect(byId.get(binA.id)).toMatchObject({
      stockLines: 2,
      itemsHere: 2,
      totals: [
        { unit: 'box', quantity: '3' },
        { unit: 'kg', quantity: '0.125' },
      ],
    });
    // Flour in the zone itself and in bin A: two stock lines of one item.
    expect(byId.get(zone.id)).toMatchObject({
      stockLines: 5,
      itemsHere: 1,
      totals: [
        { unit: 'box', quantity: '7' },
        { unit: 'kg', quantity: '12.13' },
      ],
    });
    expect(byId.get(wh.id)).toMatchObject({
      stockLines: 6,
      itemsHere: 0,
      totals: [
        { unit: 'box', quantity: '7' },
        { unit: 'kg', quantity: '13.63' },
      ],
    });
    expect(byId.get(other.id)).toMatchObject({
      stockLines: 1,
      itemsHere: 1,
      totals: [{ unit: 'kg', quantity: '1.5' }],
    });
  });

  test('when a place holds nothing, then its totals are empty', async () => {
    const api = t.as('admin');
    const loc = await createLocation(api);
    const res = await api.get('/api/v1/locations/tree').expect(200);
    const node = (res.body.data as { id: number; totals: unknown[]; stockLines: number }[]).find(
      (n) => n.id === loc.id,
    );
    expect(node).toMatchObject({ stockLines: 0, itemsHere: 0, totals: [] });
  });

  test('when a location would move under its own descendant, then 422 LOCATION_CYCLE', async () => {
    const top = await createLocation(t.as('admin'));
    const mid = await createLocation(t.as('admin'), { parentId: top.id });
    const leaf = await createLocation(t.as('admin'), { parentId: mid.id });
    const res = await t
      .as('admin')
      .patch(`/api/v1/locations/${top.id}`)
      .send({ parentId: leaf.id })
      .expect(422);
    expect(res.body.code).toBe('LOCATION_CYCLE');
    const self = await t
      .as('admin')
      .patch(`/api/v1/locations/${top.id}`)
      .send({ parentId: top.id })
      .expect(422);
    expect(self.body.code).toBe('LOCATION_CYCLE');
    // A legal move still works.
    const moved = await t
      .as('admin')
      .patch(`/api/v1/locations/${leaf.id}`)
      .send({ parentId: top.id })
      .expect(200);
    expect(moved.body.parentId).toBe(top.id);
  });

  test('when the database is asked directly to make a cycle, then its trigger refuses too', async () => {
    const a = await createLocation(t.as('admin'));
    const b = await createLocation(t.as('admin'), { parentId: a.id });
    await expect(t.db('locations').where({ id: a.id }).update({ parent_id: b.id })).rejects.toThrow(
      /descendant/,
    );
  });

  test('when a code is reused in another case, then 409 LOCATION_CODE_TAKEN', async () => {
    const loc = await createLocation(t.as('admin'));
    const res = await t
      .as('admin')
      .post('/api/v1/locations')
      .send({ code: loc.code.toLowerCase(), name: 'Again' })
      .expect(409);
    expect(res.body.code).toBe('LOCATION_CODE_TAKEN');
  });

  test('when the parent does not exist or is archived, then 422 says which', async () => {
    const missing = await t
      .as('admin')
      .post('/api/v1/locations')
      .send({ code: 'ORPHAN-1', name: 'Orphan', parentId: 99999999 })
      .expect(422);
    expect(missing.body.code).toBe('PARENT_NOT_FOUND');
    const old = await createLocation(t.as('admin'));
    await t.as('admin').post(`/api/v1/locations/${old.id}/archive`).expect(200);
    const archived = await t
      .as('admin')
      .post('/api/v1/locations')
      .send({ code: 'UNDER-OLD', name: 'x', parentId: old.id })
      .expect(422);
    expect(archived.body.code).toBe('PARENT_ARCHIVED');
  });

  test('when archiving a location with stock or active children, then 409 says why', async () => {
    const parent = await createLocation(t.as('admin'));
    await createLocation(t.as('admin'), { parentId: parent.id });
    expect(
      (await t.as('admin').post(`/api/v1/locations/${parent.id}/archive`).expect(409)).body.code,
    ).toBe('LOCATION_HAS_CHILDREN');
    const stocked = await createLocation(t.as('admin'));
    await receive(t.as('admin'), await createItem(t.as('admin')), stocked, 1);
    expect(
      (await t.as('admin').post(`/api/v1/locations/${stocked.id}/archive`).expect(409)).body.code,
    ).toBe('LOCATION_NOT_EMPTY');
  });

  test('when deleting, then an unused location goes and a used one is refused with 409 LOCATION_IN_USE', async () => {
    const unused = await createLocation(t.as('admin'));
    await t.as('admin').delete(`/api/v1/locations/${unused.id}`).expect(204);
    await t.as('admin').get(`/api/v1/locations/${unused.id}`).expect(404);
    const parent = await createLocation(t.as('admin'));
    await createLocation(t.as('admin'), { parentId: parent.id });
    expect(
      (await t.as('admin').delete(`/api/v1/locations/${parent.id}`).expect(409)).body.code,
    ).toBe('LOCATION_IN_USE');
  });

  test('when listing by exact code or search, then matches come back with a total', async () => {
    const loc = await createLocation(t.as('admin'), { name: 'Cold room shelf' });
    const byCode = await t
      .as('admin')
      .get('/api/v1/locations')
      .query({ code: loc.code.toLowerCase() })
      .expect(200);
    expect(byCode.body.data.map((l: { id: number }) => l.id)).toEqual([loc.id]);
    const search = await t
      .as('admin')
      .get('/api/v1/locations')
      .query({ q: 'cold ROOM' })
      .expect(200);
    expect(search.body.data.map((l: { id: number }) => l.id)).toContain(loc.id);
    expect(search.body.page.count).toBeGreaterThanOrEqual(1);
    const children = await t
      .as('admin')
      .get('/api/v1/locations')
      .query({ parentId: loc.id })
      .expect(200);
    expect(children.body.page.count).toBe(0);
  });
});
