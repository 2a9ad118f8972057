import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import type { Db } from '../src/lib/db';
import * as movements from '../src/modules/movements/movements.service';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

interface EventRow {
  id: number;
  type: string;
  itemId: number | null;
  data: Record<string, unknown>;
  cursor: string;
}

describe('the event outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Every event of one item, in feed order, read through the API. */
  async function eventsOf(itemId: number): Promise<EventRow[]> {
    const all: EventRow[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t
        .as('viewer')
        .get('/api/v1/events')
        .query({ limit: 500, ...(after ? { after } : {}) })
        .expect(200);
      const page = res.body.data as EventRow[];
      all.push(...page);
      if (page.length < 500) break;
      after = res.body.page.nextCursor as string;
    }
    return all.filter((e) => e.itemId === itemId);
  }
  const types = async (itemId: number) => (await eventsOf(itemId)).map((e) => e.type);

  test('when an item is created with a reorder point and stock moves across it, then each path emits exactly its events', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin, { unit: 'kg', reorderPoint: 10 });
    const [a, b] = [await createLocation(admin), await createLocation(admin)];
    await receive(admin, item, a, 20); // 0 → 20: restored
    await postMovement(admin, { kind: 'ship', itemId: item.id, fromLocationId: a.id, quantity: 5 }); // 15
    const transfer = await postMovement(admin, {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 3,
    });
    await postMovement(admin, { kind: 'adjust', itemId: item.id, locationId: a.id, delta: -6 }); // 9: low
    await postMovement(admin, {
      kind: 'count',
      itemId: item.id,
      locationId: a.id,
      countedQuantity: 12,
    }); // 15: restored
    const res = await admin.post(`/api/v1/movements/${transfer.id}/reverse`).send({}).expect(201);
    expect(await types(item.id)).toEqual([
      'item.created',
      'stock.low',
      'movement.posted',
      'stock.restored',
      'movement.posted',
      'movement.posted',
      'movement.posted',
      'stock.low',
      'movement.posted',
      'stock.restored',
      'movement.posted',
      'movement.reversed',
    ]);
    const all = await eventsOf(item.id);
    expect(all.at(-1)!.data).toMatchObject({
      movementId: transfer.id,
      reversedByMovementId: res.body.id,
    });
    expect(all[3]!.data).toMatchObject({ onHand: '20', reorderPoint: '10', cause: 'movement' });
    expect(all[2]!.data).toMatchObject({
      kind: 'receive',
      quantity: '20',
      toLocation: { id: a.id },
    });
  });

  test('when the reorder point is edited across the total, then stock.low and stock.restored follow it once each', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin, { unit: 'kg' });
    const loc = await createLocation(admin);
    await receive(admin, item, loc, 5);
    await admin.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: 5 }).expect(200); // low
    await admin.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: 4 }).expect(200); // restored
    await admin.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: 3 }).expect(200); // nothing
    await admin.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: 9 }).expect(200); // low
    await admin.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: null }).expect(200); // restored
    expect(await types(item.id)).toEqual([
      'item.created',
      'movement.posted',
      'item.changed',
      'stock.low',
      'item.changed',
      'stock.restored',
      'item.changed',
      'item.changed',
      'stock.low',
      'item.changed',
      'stock.restored',
    ]);
  });

  test('when an item is archived and restored, then item.archived and item.unarchived are emitted', async () => {
    const item = await createItem(t.as('admin'));
    await t.as('admin').post(`/api/v1/items/${item.id}/archive`).expect(200);
    await t.as('admin').post(`/api/v1/items/${item.id}/unarchive`).expect(200);
    expect(await types(item.id)).toEqual(['item.created', 'item.archived', 'item.unarchived']);
  });

  test('when a post is refused or its transaction rolls back, then no event is written', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin, { unit: 'kg', reorderPoint: 1 });
    const loc = await createLocation(admin);
    await receive(admin, item, loc, 2);
    const before = await types(item.id);
    await admin
      .post('/api/v1/movements')
      .send({ kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 3 })
      .expect(409);
    // A post that succeeds inside a transaction that then fails: the crossing and the
    // movement.posted it wrote go with it.
    await expect(
      t.db.transaction(async (trx) => {
        await movements.postMovement(
          trx as unknown as Db,
          { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 2n },
          { actor: SYSTEM_ACTOR },
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await types(item.id)).toEqual(before);
  });

  test('when 32 clients ship and receive at once, then stock.low and stock.restored fire once per crossing, alternating', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin, { unit: 'kg', reorderPoint: 50 });
    const loc = await createLocation(admin);
    await receive(admin, item, loc, 52);
    // Equal ships and receives around the reorder point: the order the server serialises them
    // in decides how many crossings there are, so the test replays the ledger to know.
    const bodies = Array.from({ length: 32 * 6 }, (_, i) =>
      i % 2 === 1
        ? { kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: 7 }
        : { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 7 },
    );
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const res = await admin.post('/api/v1/movements').send(body);
        expect([201, 409]).toContain(res.status);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));

    // Replay the ledger in the order the item's total was changed (ids are taken under its lock).
    const ledger = (await t
      .db('movements')
      .where({ item_id: item.id })
      .orderBy('id')
      .select('id', 'kind', 'quantity')) as { id: string; kind: string; quantity: string }[];
    let total = 0;
    const expected: { type: string; movementId: number }[] = [];
    for (const m of ledger) {
      const wasLow = total <= 50;
      total += (m.kind === 'receive' ? 1 : -1) * Number(m.quantity);
      if (wasLow !== total <= 50)
        expected.push({
          type: total <= 50 ? 'stock.low' : 'stock.restored',
          movementId: Number(m.id),
        });
    }
    // Per item, event ids follow the changes (taken under the item's lock); the feed's own
    // order is commit-safe across items (docs/decisions/0017).
    const crossings = (await eventsOf(item.id))
      .filter((e) => e.type.startsWith('stock.'))
      .sort((x, y) => x.id - y.id)
      .map((e) => ({ type: e.type, movementId: e.data.movementId as number }));
    // The first is the creation's (0 ≤ 50): low before any stock.
    expect(crossings[0]).toEqual({ type: 'stock.low', movementId: undefined });
    expect(crossings.slice(1)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2);
    expect((await eventsOf(item.id)).filter((e) => e.type === 'movement.posted')).toHaveLength(
      ledger.length,
    );
  });
});

describe('GET /api/v1/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when paging with the cursor and a type filter, then each event comes once, in order', async () => {
    const admin = t.as('admin');
    for (let i = 0; i < 5; i++) await createItem(admin);
    const seen: number[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await t
        .as('viewer')
        .get('/api/v1/events')
        .query({ types: 'item.created', limit: 2, ...(after ? { after } : {}) })
        .expect(200);
      seen.push(...(res.body.data as EventRow[]).map((e) => e.id));
      expect((res.body.data as EventRow[]).every((e) => e.type === 'item.created')).toBe(true);
      if (res.body.data.length === 0) break;
      after = res.body.page.nextCursor as string;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const empty = await t.as('viewer').get('/api/v1/events').query({ after }).expect(200);
    expect(empty.body).toMatchObject({ data: [], page: { nextCursor: after, retentionDays: 30 } });
  });

  test.each([
    ['types=item.exploded', 'types'],
    ['after=12', 'after'],
    ['after=1.2.3', 'after'],
    // Not the pattern at all: the range check must not choke on it (drill 04 found a 500).
    ['after=abc', 'after'],
    ['after=1e309', 'after'],
    // Digits the pattern allows but PostgreSQL's xid8 / bigint cannot hold (a 500 before).
    ['after=99999999999999999999.1', 'after'],
    ['after=1.9999999999999999999', 'after'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
  ])('when the query is %s, then 400 problem+json names %s', async (query, field) => {
    const res = await t.as('viewer').get(`/api/v1/events?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });

  test('when not signed in, then 401', async () => {
    await t.anon.get('/api/v1/events').expect(401);
  });
});
