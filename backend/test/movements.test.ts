import { createItem, createLocation, onHandAt, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('POST /api/v1/movements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when receiving, then stock rises at the target and the ledger row says what happened', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const loc = await createLocation(t.as('admin'));
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({
        kind: 'receive',
        itemId: item.id,
        toLocationId: loc.id,
        quantity: '12.5',
        reference: 'PO-1001',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'receive',
      item: { id: item.id, sku: item.sku },
      fromLocation: null,
      toLocation: { id: loc.id, code: loc.code },
      quantity: '12.5',
      delta: null,
      reference: 'PO-1001',
      reversesMovementId: null,
    });
    expect(res.headers.location).toBe(`/api/v1/movements/${res.body.id}`);
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('12.5');
  });

  test('when shipping more than is on hand, then 409 says what is available and what was asked, and nothing changes', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'), { code: `WH1-A-03-${Date.now()}` });
    await receive(t.as('admin'), item, loc, 3);
    const before = await t
      .db('movements')
      .where({ item_id: item.id })
      .count<{ n: string }[]>({ n: '*' });
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 5 })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      available: '3',
      requested: '5',
      locationId: loc.id,
    });
    expect(res.body.detail).toBe(`Only 3 each of ${item.sku} on hand at ${loc.code}; 5 requested.`);
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('3');
    const after = await t
      .db('movements')
      .where({ item_id: item.id })
      .count<{ n: string }[]>({ n: '*' });
    expect(after).toEqual(before);
  });

  test('when transferring, then the source shrinks and the target grows by the same amount', async () => {
    const item = await createItem(t.as('admin'));
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('admin'), item, a, 10);
    const m = await postMovement(t.as('admin'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 4,
    });
    expect(m.kind).toBe('transfer');
    expect([
      await onHandAt(t.as('admin'), item, a),
      await onHandAt(t.as('admin'), item, b),
    ]).toEqual(['6', '4']);
  });

  test('when adjusting, then the signed delta changes the location and cannot go below zero', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 5);
    const down = await postMovement(t.as('admin'), {
      kind: 'adjust',
      itemId: item.id,
      locationId: loc.id,
      delta: '-1.5',
      note: 'damaged',
    });
    expect(down).toMatchObject({ kind: 'adjust', delta: '-1.5', quantity: '1.5' });
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('3.5');
    const tooMuch = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'adjust', itemId: item.id, locationId: loc.id, delta: -4 })
      .expect(409);
    expect(tooMuch.body.code).toBe('INSUFFICIENT_STOCK');
    await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'adjust', itemId: item.id, locationId: loc.id, delta: 0 })
      .expect(400);
  });

  test('when counting, then the counted quantity becomes the balance and the difference is recorded', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 10);
    const count = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: 7 })
      .expect(201);
    expect(count.body).toMatchObject({
      kind: 'count',
      countedQuantity: '7',
      delta: '-3',
      quantity: '3',
      locationId: loc.id,
    });
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('7');
    const matched = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: 7,
    });
    expect(matched).toMatchObject({ delta: '0', quantity: '0' });
    const up = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: '8.25',
    });
    expect(up).toMatchObject({ delta: '1.25' });
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('8.25');
  });

  test.each([
    ['receive without toLocationId', { kind: 'receive', quantity: 1 }, 'toLocationId'],
    ['ship without fromLocationId', { kind: 'ship', quantity: 1 }, 'fromLocationId'],
    [
      'transfer without toLocationId',
      { kind: 'transfer', fromLocationId: 1, quantity: 1 },
      'toLocationId',
    ],
    ['adjust without delta', { kind: 'adjust', locationId: 1 }, 'delta'],
    ['count without countedQuantity', { kind: 'count', locationId: 1 }, 'countedQuantity'],
    [
      'receive with a fromLocationId',
      { kind: 'receive', toLocationId: 1, fromLocationId: 2, quantity: 1 },
      'fromLocationId',
    ],
    ['an unknown kind', { kind: 'borrow', quantity: 1 }, 'kind'],
    ['a zero quantity', { kind: 'receive', toLocationId: 1, quantity: 0 }, 'quantity'],
    ['four decimal places', { kind: 'receive', toLocationId: 1, quantity: '1.0001' }, 'quantity'],
  ])('when posting %s, then 400 names the field', async (_name, body, field) => {
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ itemId: 1, ...body })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });

  test('when transferring to the same location, then 400 says the two must differ', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'transfer', itemId: 1, fromLocationId: 3, toLocationId: 3, quantity: 1 })
      .expect(400);
    expect(res.body.detail).toContain('must differ from fromLocationId');
  });

  test('when the item or location is archived or missing, then 422 says which', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await t.as('admin').post(`/api/v1/items/${item.id}/archive`).expect(200);
    const archivedItem = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 1 })
      .expect(422);
    expect(archivedItem.body.code).toBe('ITEM_ARCHIVED');
    expect(archivedItem.body.detail).toContain(item.sku);

    const live = await createItem(t.as('admin'));
    await t.as('admin').post(`/api/v1/locations/${loc.id}/archive`).expect(200);
    const archivedLoc = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: live.id, toLocationId: loc.id, quantity: 1 })
      .expect(422);
    expect(archivedLoc.body.code).toBe('LOCATION_ARCHIVED');
    expect(archivedLoc.body.detail).toContain(loc.code);

    const missing = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: 99999999, toLocationId: loc.id, quantity: 1 })
      .expect(422);
    expect(missing.body.code).toBe('ITEM_NOT_FOUND');
    const missingLoc = await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: live.id, toLocationId: 99999999, quantity: 1 })
      .expect(422);
    expect(missingLoc.body.code).toBe('LOCATION_NOT_FOUND');
  });
});
