import { randomUUID } from 'node:crypto';
import { createApiToken, createItem, createLocation, onHandAt } from './support/factories';
import { apiFor, createTestApp, type Api, type TestApp } from './support/test-app';

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

  test('when a shipment is replayed after the stock it took is gone or the item archived, then the original comes back, not 409', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await t
      .as('admin')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 5 })
      .expect(201);
    const key = randomUUID();
    const body = { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 5 };
    const send = () =>
      t.as('admin').post('/api/v1/movements').set('Idempotency-Key', key).send(body);
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    await t.as('admin').post(`/api/v1/items/${item.id}/archive`).expect(200);
    expect((await send().expect(201)).body.id).toBe(first.body.id);
    const other = await t
      .as('admin')
      .post('/api/v1/movements')
      .set('Idempotency-Key', key)
      .send({ ...body, quantity: 4 })
      .expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await onHandAt(t.as('admin'), item, loc)).toBe('0');
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

  describe('keys are scoped to their caller', () => {
    const receiveBody = (item: { id: number }, loc: { id: number }, quantity: number) => ({
      kind: 'receive',
      itemId: item.id,
      toLocationId: loc.id,
      quantity,
    });
    const postWith = (api: Api, key: string, body: object) =>
      api.post('/api/v1/movements').set('Idempotency-Key', key).send(body);

    test('when two users send the same key and body, then each posts their own movement and neither sees the other', async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const key = randomUUID();
      const body = receiveBody(item, loc, 3);
      const mine = await postWith(t.as('operator'), key, body).expect(201);
      const theirs = await postWith(t.as('manager'), key, body).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.body.createdBy.id).toBe(t.users.manager.id);
      expect(await onHandAt(t.as('admin'), item, loc)).toBe('6');
      // Each caller's retry still finds its own movement.
      const again = await postWith(t.as('operator'), key, body).expect(201);
      expect(again.body.id).toBe(mine.body.id);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    test("when another user reuses a key with a different body, then it posts (the first caller's body is not theirs to match)", async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const key = randomUUID();
      await postWith(t.as('operator'), key, receiveBody(item, loc, 1)).expect(201);
      const other = await postWith(t.as('manager'), key, receiveBody(item, loc, 2)).expect(201);
      expect(other.body.quantity).toBe('2');
      expect(await onHandAt(t.as('admin'), item, loc)).toBe('3');
    });

    test("when a user's session and their API token send the same key, then they are two callers (two movements)", async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const token = await createApiToken(t.as('admin'), 'write');
      const viaToken = apiFor(t.app, { Authorization: `Bearer ${token.secret}` });
      const key = randomUUID();
      const body = receiveBody(item, loc, 4);
      const browser = await postWith(t.as('admin'), key, body).expect(201);
      const script = await postWith(viaToken, key, body).expect(201);
      expect(script.body.id).not.toBe(browser.body.id);
      const retried = await postWith(viaToken, key, body).expect(201);
      expect(retried.body.id).toBe(script.body.id);
      expect(await onHandAt(t.as('admin'), item, loc)).toBe('8');
    });

    test('when two tokens of the same user send the same key, then each gets its own movement', async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const [a, b] = [
        await createApiToken(t.as('admin'), 'write'),
        await createApiToken(t.as('admin'), 'write'),
      ];
      const key = randomUUID();
      const body = receiveBody(item, loc, 1);
      const first = await postWith(
        apiFor(t.app, { Authorization: `Bearer ${a.secret}` }),
        key,
        body,
      );
      const second = await postWith(
        apiFor(t.app, { Authorization: `Bearer ${b.secret}` }),
        key,
        body,
      );
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).not.toBe(first.body.id);
    });

    test('when two callers race ten requests each with one key, then exactly one movement per caller exists', async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const key = randomUUID();
      const body = receiveBody(item, loc, 1);
      const callers = [t.as('operator'), t.as('manager')];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => postWith(callers[i % 2]!, key, body)),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const idsOf = (parity: number) =>
        new Set(results.filter((_, i) => i % 2 === parity).map((r) => r.body.id as number));
      expect(idsOf(0).size).toBe(1);
      expect(idsOf(1).size).toBe(1);
      expect([...idsOf(0)][0]).not.toBe([...idsOf(1)][0]);
      expect(await t.db('movements').where({ idempotency_key: key })).toHaveLength(2);
      expect(await onHandAt(t.as('admin'), item, loc)).toBe('2');
    });

    test('when a key is reused for a reversal of another movement, then 422 problem+json and nothing is posted', async () => {
      const item = await createItem(t.as('admin'));
      const loc = await createLocation(t.as('admin'));
      const key = randomUUID();
      const first = await postWith(t.as('operator'), key, receiveBody(item, loc, 5)).expect(201);
      const reused = await t
        .as('operator')
        .post(`/api/v1/movements/${first.body.id}/reverse`)
        .set('Idempotency-Key', key)
        .send({})
        .expect(422);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await onHandAt(t.as('admin'), item, loc)).toBe('5');
    });
  });
});
