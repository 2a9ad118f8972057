import { randomUUID } from 'node:crypto';
import { createItem, createLocation, onHandAt } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('idempotent movement posting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when the same Idempotency-Key is replayed, then the original movement comes back and stock moves once', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const key = randomUUID();
    const body = { kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 5 };
    const first = await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('5');
  });

  test('when the key comes in the body instead of the header, then it works the same way', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const body = {
      kind: 'receive',
      itemId: item.id,
      toLocationId: loc.id,
      quantity: 2,
      idempotencyKey: randomUUID(),
    };
    const a = await t.as('admin').post('/api/v1/movements').send(body).expect(201);
    const b = await t.as('admin').post('/api/v1/movements').send(body).expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('2');
  });

  test('when a key is reused with a different body, then 422 and nothing is posted', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const key = randomUUID();
    await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 5 })
      .expect(201);
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 6 })
      .expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('5');
  });

  test('when header and body carry different keys, then 422', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', 'a-key')
      .send({ kind: 'receive', itemId: 1, toLocationId: 1, quantity: 1, idempotencyKey: 'b-key' })
      .expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_MISMATCH');
  });

  test('when twenty requests race with the same key, then exactly one movement exists and all get it', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const key = randomUUID();
    const body = { kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 1 };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.as('admin').post('/api/v1/movements').set('Idempotency-Key', key).send(body),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('1');
    const rows = await t.db('movements').where({ idempotency_key: key });
    expect(rows).toHaveLength(1);
  });

  test('when a refused movement is retried with its key after stock arrives, then it posts (refusals are not remembered)', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const key = randomUUID();
    const ship = { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 2 };
    await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send(ship)
      .expect(409);
    await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 2 })
      .expect(201);
    await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send(ship)
      .expect(201);
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('0');
  });
});
