import { createItem, createLocation, onHandAt, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('the movement ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when anyone tries to UPDATE, DELETE or TRUNCATE movements in the database, then it refuses', async () => {
    const item = await createItem(t.as('admin'));
    const m = await receive(t.as('admin'), item, await createLocation(t.as('admin')), 1);
    await expect(t.db('movements').where({ id: m.id }).update({ note: 'edited' })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db('movements').where({ id: m.id }).delete()).rejects.toThrow(/append-only/);
    await expect(t.db.raw('truncate movements cascade')).rejects.toThrow(/append-only/);
    expect(await t.db('movements').where({ id: m.id }).first()).toMatchObject({ note: null });
  });

  test('when the database is asked for a movement that breaks the kind rules, then a CHECK refuses it', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await expect(
      t
        .db('movements')
        .insert({ kind: 'ship', item_id: item.id, to_location_id: loc.id, quantity: 1 }),
    ).rejects.toThrow(/movements_locations_by_kind/);
    await expect(
      t.db('stock_levels').insert({ item_id: item.id, location_id: loc.id, quantity: -1 }),
    ).rejects.toThrow(/check/);
  });

  test('when a movement is reversed, then a new opposite movement points at it and stock is restored', async () => {
    const item = await createItem(t.as('admin'));
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('admin'), item, a, 10);
    const transfer = await postMovement(t.as('admin'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 4,
      reference: 'T-9',
    });
    const rev = await t
      .as('admin')
      .post(`/api/v1/movements/${transfer.id}/reverse`)
      .send({ note: 'wrong bin' })
      .expect(201);
    expect(rev.body).toMatchObject({
      kind: 'transfer',
      fromLocation: { id: b.id },
      toLocation: { id: a.id },
      quantity: '4',
      reversesMovementId: transfer.id,
      reference: 'T-9',
      note: 'wrong bin',
    });
    expect([
      await onHandAt(t.as('admin'), item, a),
      await onHandAt(t.as('admin'), item, b),
    ]).toEqual(['10', '0']);
    const original = await t.as('admin').get(`/api/v1/movements/${transfer.id}`).expect(200);
    expect(original.body.reversedByMovementId).toBe(rev.body.id);
    const twice = await t
      .as('admin')
      .post(`/api/v1/movements/${transfer.id}/reverse`)
      .send({})
      .expect(409);
    expect(twice.body.code).toBe('MOVEMENT_ALREADY_REVERSED');
  });

  test('when reversing a receipt whose stock has already shipped, then 409 INSUFFICIENT_STOCK', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const got = await receive(t.as('admin'), item, loc, 3);
    await postMovement(t.as('admin'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: loc.id,
      quantity: 2,
    });
    const res = await t
      .as('admin')
      .post(`/api/v1/movements/${got.id}/reverse`)
      .send({})
      .expect(409);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
  });

  test('when reversing a count, then an adjustment undoes its difference; a count that matched has nothing to undo', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 10);
    const count = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: 8,
    });
    const rev = await t
      .as('admin')
      .post(`/api/v1/movements/${count.id}/reverse`)
      .send({})
      .expect(201);
    expect(rev.body).toMatchObject({ kind: 'adjust', delta: '2', reversesMovementId: count.id });
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('10');
    const same = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: 10,
    });
    expect(
      (await t.as('admin').post(`/api/v1/movements/${same.id}/reverse`).send({}).expect(422)).body
        .code,
    ).toBe('NOTHING_TO_REVERSE');
  });

  test('when listing with filters, then only matching movements come back, newest first, and the cursor pages through', async () => {
    const item = await createItem(t.as('admin'));
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await receive(t.as('admin'), item, a, 1)).id);
    const tr = await postMovement(t.as('admin'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 1,
      reference: 'REF-X',
    });

    const page1 = await t
      .as('admin')
      .get('/api/v1/movements')
      .query({ itemId: item.id, kind: 'receive', limit: 3 })
      .expect(200);
    expect(page1.body.data.map((m: { id: number }) => m.id)).toEqual([ids[4], ids[3], ids[2]]);
    const page2 = await t
      .as('admin')
      .get('/api/v1/movements')
      .query({ itemId: item.id, kind: 'receive', limit: 3, cursor: page1.body.page.nextCursor })
      .expect(200);
    expect(page2.body.data.map((m: { id: number }) => m.id)).toEqual([ids[1], ids[0]]);
    expect(page2.body.page.nextCursor).toBeNull();

    const atB = await t
      .as('admin')
      .get('/api/v1/movements')
      .query({ locationId: b.id })
      .expect(200);
    expect(atB.body.data.map((m: { id: number }) => m.id)).toEqual([tr.id]);
    const byRef = await t
      .as('admin')
      .get('/api/v1/movements')
      .query({ reference: 'REF-X', itemId: item.id })
      .expect(200);
    expect(byRef.body.data.map((m: { id: number }) => m.id)).toEqual([tr.id]);
    const future = await t
      .as('admin')
      .get('/api/v1/movements')
      .query({ itemId: item.id, from: '2999-01-01T00:00:00Z' })
      .expect(200);
    expect(future.body.data).toEqual([]);
    await t.as('admin').get('/api/v1/movements').query({ from: 'yesterday' }).expect(400);
    await t.as('admin').get('/api/v1/movements').query({ cursor: 'abc' }).expect(400);
    await t.as('admin').get('/api/v1/movements/99999999').expect(404);
  });
});
