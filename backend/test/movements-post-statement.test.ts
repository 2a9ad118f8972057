import { apiFor } from './support/test-app';
import { createApiToken, createItem, createLocation, onHandAt, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// A post is two statements (docs/decisions/0024): one locks and reads, one writes balances,
// total, ledger row and events and answers the movement. These check what that shape changed.
const MAX = '99999999999.999';

describe('the movement post statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '30' });
  });
  afterAll(() => t.close());

  const eventsOf = async (itemId: number) =>
    (await t.db('events').where('item_id', itemId).orderBy('id').select('type', 'data')).map(
      (e: { type: string; data: Record<string, unknown> }) => e.type,
    );
  const ledgerOf = async (itemId: number) =>
    Number((await t.db('movements').where('item_id', itemId).count({ n: '*' }))[0]!.n);

  test('when each kind is posted, by a session and by a token, then the answer is exactly what GET /movements/:id says', async () => {
    const token = await createApiToken(t.as('admin'), 'write');
    const bearer = apiFor(t.app, { Authorization: `Bearer ${token.secret}` });
    // Names the answer takes from the lock statement's rows, not from joins (issue 12).
    const item = await createItem(t.as('admin'), { unit: 'kg', name: 'Nitrile "gloves", L ☃' });
    const [a, b] = [
      await createLocation(t.as('admin'), { name: "Aisle 'A' — shelf 1" }),
      await createLocation(t.as('admin')),
    ];
    const bodies = [
      { kind: 'receive', itemId: item.id, toLocationId: a.id, quantity: '10.5', reference: 'PO-1' },
      {
        kind: 'transfer',
        itemId: item.id,
        fromLocationId: a.id,
        toLocationId: b.id,
        quantity: '2',
      },
      { kind: 'ship', itemId: item.id, fromLocationId: b.id, quantity: '0.25', note: 'n' },
      { kind: 'adjust', itemId: item.id, locationId: a.id, delta: '-1.125' },
      { kind: 'count', itemId: item.id, locationId: b.id, countedQuantity: '7' },
    ];
    for (const [i, body] of bodies.entries()) {
      const api = i % 2 === 0 ? t.as('operator') : bearer;
      const posted = await api.post('/api/v1/movements').send(body).expect(201);
      const read = await t.as('viewer').get(`/api/v1/movements/${posted.body.id}`).expect(200);
      expect(posted.body).toEqual(read.body);
    }
    const original = (await t.as('viewer').get('/api/v1/movements').query({ itemId: item.id })).body
      .data[0];
    const reversal = await t
      .as('operator')
      .post(`/api/v1/movements/${original.id}/reverse`)
      .send({})
      .expect(201);
    const read = await t.as('viewer').get(`/api/v1/movements/${reversal.body.id}`).expect(200);
    expect(reversal.body).toEqual(read.body);
    expect(reversal.body.reversesMovementId).toBe(original.id);

    // Renamed between posts: the next answer names them as they are now.
    await t.as('admin').patch(`/api/v1/items/${item.id}`).send({ name: 'Renamed' }).expect(200);
    await t.as('admin').patch(`/api/v1/locations/${b.id}`).send({ name: 'Moved' }).expect(200);
    const body = { kind: 'transfer', itemId: item.id, fromLocationId: a.id, toLocationId: b.id };
    const again = await bearer.post('/api/v1/movements').send({ ...body, quantity: '1' });
    expect(again.status).toBe(201);
    expect(again.body.item.name).toBe('Renamed');
    expect(again.body.toLocation.name).toBe('Moved');
    expect(again.body.fromLocation.name).toBe("Aisle 'A' — shelf 1");
    expect(again.body.createdBy.token.id).toBe(token.id);
    const readAgain = await t.as('viewer').get(`/api/v1/movements/${again.body.id}`).expect(200);
    expect(again.body).toEqual(readAgain.body);
  });

  test('when the write statement itself is refused (the item total past the maximum), then no balance row, ledger row or event of it stays', async () => {
    const api = t.as('admin');
    const item = await createItem(api, { unit: 'kg', reorderPoint: 1 });
    const [a, b] = [await createLocation(api), await createLocation(api)];
    await receive(api, item, a, MAX);
    const events = await eventsOf(item.id);
    const ledger = await ledgerOf(item.id);
    // Place b is new to the item (its balance row is made in the transaction) and 1 fits
    // there; only the item_totals CHECK, inside the one write statement, refuses it.
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: b.id, quantity: 1 })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'QUANTITY_TOO_LARGE', limit: MAX });
    expect(await eventsOf(item.id)).toEqual(events);
    expect(await ledgerOf(item.id)).toBe(ledger);
    expect(
      await t.db('stock_levels').where({ item_id: item.id, location_id: b.id }).first(),
    ).toBeUndefined();
  });

  test('when two reversals of one movement race, then one posts, the other is 409 and only one movement.reversed exists', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const m = await receive(api, item, loc, 5);
    // Enough stock for every reversal, so the losers meet the unique index on
    // reverses_movement_id inside the write statement, not the stock check.
    await receive(api, item, loc, 100);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => api.post(`/api/v1/movements/${m.id}/reverse`).send({})),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.code).toBe('MOVEMENT_ALREADY_REVERSED');
    const types = await eventsOf(item.id);
    expect(types.filter((x) => x === 'movement.reversed')).toHaveLength(1);
    expect(types.filter((x) => x === 'movement.posted')).toHaveLength(3);
    expect(await onHandAt(api, item, loc)).toBe('100');
  });

  test('when twenty clients make an item’s first movement into one new place at once, then every receipt lands once', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api
          .post('/api/v1/movements')
          .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 3 }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await onHandAt(api, item, loc)).toBe('60');
    expect((await t.as('viewer').get(`/api/v1/items/${item.id}`)).body.onHand).toBe('60');
    expect(await ledgerOf(item.id)).toBe(20);
  });

  test('when the item is edited while transfers both ways run, then every request succeeds and nothing deadlocks', async () => {
    const item = await createItem(t.as('admin'), { reorderPoint: 1 });
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('admin'), item, a, 100);
    await receive(t.as('admin'), item, b, 100);
    const requests = Array.from({ length: 40 }, (_, i) =>
      i % 5 === 4
        ? t
            .as('manager')
            .patch(`/api/v1/items/${item.id}`)
            .send({ reorderPoint: 1 + i })
        : t
            .as('operator')
            .post('/api/v1/movements')
            .send({
              kind: 'transfer',
              itemId: item.id,
              fromLocationId: i % 2 ? a.id : b.id,
              toLocationId: i % 2 ? b.id : a.id,
              quantity: 1,
            }),
    );
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    const total =
      BigInt(await onHandAt(t.as('viewer'), item, a)) +
      BigInt(await onHandAt(t.as('viewer'), item, b));
    expect(total).toBe(200n);
  });
});
