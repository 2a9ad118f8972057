import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('whole units', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const fractional = (itemId: number, locationId: number) => [
    { kind: 'receive', itemId, toLocationId: locationId, quantity: '1.5' },
    { kind: 'ship', itemId, fromLocationId: locationId, quantity: '0.5' },
    { kind: 'adjust', itemId, locationId, delta: '-0.25' },
    { kind: 'count', itemId, locationId, countedQuantity: '2.5' },
  ];

  test('when a fractional receive, ship, adjust or count is posted for an item counted in each, then 422 names the item and unit and nothing moves', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 10);
    for (const body of fractional(item.id, loc.id)) {
      const res = await t.as('operator').post('/api/v1/movements').send(body).expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({ code: 'WHOLE_UNITS_ONLY', unit: 'each', sku: item.sku });
      expect(res.body.detail).toBe(`${item.sku} is counted in each: enter a whole number.`);
    }
    const rows = await t
      .db('movements')
      .where({ item_id: item.id })
      .count<{ n: string }[]>({ n: '*' });
    expect(Number(rows[0]!.n)).toBe(1);
  });

  test('when whole numbers are written with trailing zeros for a box item, then they are accepted', async () => {
    const item = await createItem(t.as('admin'), { unit: 'box' });
    const loc = await createLocation(t.as('admin'));
    const m = await postMovement(t.as('operator'), {
      kind: 'receive',
      itemId: item.id,
      toLocationId: loc.id,
      quantity: '3.000',
    });
    expect(m.quantity).toBe('3');
  });

  test('when fractional movements are posted for an item measured in kg, then all of them are accepted', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const loc = await createLocation(t.as('admin'));
    for (const body of fractional(item.id, loc.id)) await postMovement(t.as('operator'), body);
  });

  test('when the unit of an item with stock is changed, then 409 ITEM_UNIT_LOCKED and the unit stays', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 4);
    const res = await t
      .as('manager')
      .patch(`/api/v1/items/${item.id}`)
      .send({ unit: 'kg' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('ITEM_UNIT_LOCKED');
    expect(res.body.detail).toContain(item.sku);
    const after = await t.as('manager').get(`/api/v1/items/${item.id}`).expect(200);
    expect(after.body.unit).toBe('each');
  });

  test('when the unit of an item with only history (no stock left) is changed, then 409 ITEM_UNIT_LOCKED', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, '1.5');
    await postMovement(t.as('admin'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: loc.id,
      quantity: '1.5',
    });
    const res = await t
      .as('manager')
      .patch(`/api/v1/items/${item.id}`)
      .send({ unit: 'each' })
      .expect(409);
    expect(res.body.code).toBe('ITEM_UNIT_LOCKED');
  });

  test('when an item with history is saved with its own unit unchanged, then the save succeeds', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 1);
    await t
      .as('manager')
      .patch(`/api/v1/items/${item.id}`)
      .send({ unit: 'each', name: 'Renamed' })
      .expect(200);
  });

  test('when the unit of an item without stock or history is changed, then it changes', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const res = await t
      .as('manager')
      .patch(`/api/v1/items/${item.id}`)
      .send({ unit: 'kg' })
      .expect(200);
    expect(res.body.unit).toBe('kg');
  });

  test('when an item counted in box is given a fractional reorder point, then 422 points at reorderPoint; kg takes one', async () => {
    const res = await t
      .as('manager')
      .post('/api/v1/items')
      .send({ sku: `RP-BOX-${Date.now()}`, name: 'Boxed', unit: 'box', reorderPoint: '2.5' })
      .expect(422);
    expect(res.body.code).toBe('WHOLE_UNITS_ONLY');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'reorderPoint' })]);
    await createItem(t.as('manager'), { unit: 'kg', reorderPoint: '2.5' });
  });

  test('when an unused kg item with a fractional reorder point is switched to each, then 422 and it stays kg', async () => {
    const item = await createItem(t.as('manager'), { unit: 'kg', reorderPoint: '0.5' });
    await t.as('manager').patch(`/api/v1/items/${item.id}`).send({ unit: 'each' }).expect(422);
    await t
      .as('manager')
      .patch(`/api/v1/items/${item.id}`)
      .send({ unit: 'each', reorderPoint: '1' })
      .expect(200);
  });

  test('when a fractional movement of an each item is written straight to the database, then the database refuses it', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const loc = await createLocation(t.as('admin'));
    await expect(
      t.db('movements').insert({
        kind: 'receive',
        item_id: item.id,
        to_location_id: loc.id,
        quantity: '1.5',
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'movements_whole_units' });
    await t
      .db('movements')
      .insert({ kind: 'receive', item_id: item.id, to_location_id: loc.id, quantity: '2' });
  });

  test('when the unit of an item with movements is changed straight in the database, then the database refuses it', async () => {
    const item = await createItem(t.as('admin'), { unit: 'each' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 1);
    await expect(t.db('items').where({ id: item.id }).update({ unit: 'kg' })).rejects.toMatchObject(
      { code: '23514', constraint: 'items_unit_locked' },
    );
    await t.db('items').where({ id: item.id }).update({ name: 'Still fine' });
  });
});
