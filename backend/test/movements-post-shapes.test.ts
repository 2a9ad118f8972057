import { createItem, createLocation, onHandAt, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// The post's write statement has one text per shape (kind, total or none, reversal, count,
// places changed), prepared by name on each connection and its `$n` text remembered per shape
// (lib/cte.ts withPartsSql, issue 12). One connection in the pool, so every post below runs on
// the same connection, shapes alternating: a shape's text serving another would write the
// wrong rows, totals or events, or be refused.
describe('the movement post statement, its shapes alternating on one connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  test('when transfers, receipts, shipments, counts and reversals alternate, then every ledger row, balance, total and event is the one each post asked for', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'), { unit: 'kg', reorderPoint: 10 });
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    const first = await receive(api, item, a, 20);
    const posted: { id: number; kind: string }[] = [first];
    const post = async (body: Record<string, unknown>) => {
      posted.push(await postMovement(api, { itemId: item.id, ...body }));
    };
    const reverse = async (id: number) => {
      const res = await api.post(`/api/v1/movements/${id}/reverse`).send({}).expect(201);
      posted.push(res.body);
      return res.body as { id: number; reversesMovementId: number };
    };
    await post({ kind: 'transfer', fromLocationId: a.id, toLocationId: b.id, quantity: '5' });
    await post({ kind: 'receive', toLocationId: a.id, quantity: '3' }); // a 18, b 5: 23
    await post({ kind: 'ship', fromLocationId: a.id, quantity: '15' }); // a 3: 8, low
    await post({ kind: 'transfer', fromLocationId: b.id, toLocationId: a.id, quantity: '1.5' });
    const r1 = await reverse(posted[3]!.id); // the shipment back: a 19.5, b 3.5: 23, restored
    await post({ kind: 'count', locationId: b.id, countedQuantity: '2' }); // b 2: 21.5
    await post({ kind: 'adjust', locationId: a.id, delta: '-0.25' }); // a 19.25: 21.25
    await post({ kind: 'transfer', fromLocationId: a.id, toLocationId: b.id, quantity: '4' });
    const r2 = await reverse(posted[6]!.id); // the count: b 6 - 2 + 3.5 = 7.5: 23
    await post({ kind: 'receive', toLocationId: b.id, quantity: '1' }); // b 8.5: 24

    expect(r1.reversesMovementId).toBe(posted[3]!.id);
    expect(r2.reversesMovementId).toBe(posted[6]!.id);
    const ledger = await t
      .db('movements')
      .where('item_id', item.id)
      .orderBy('id')
      .select('id', 'kind', 'from_location_id', 'to_location_id', 'quantity', 'delta');
    const q = (v: string | null) => (v === null ? null : Number(v));
    expect(
      ledger.map((m) => [m.kind, m.from_location_id, m.to_location_id, q(m.quantity), q(m.delta)]),
    ).toEqual([
      ['receive', null, String(a.id), 20, null],
      ['transfer', String(a.id), String(b.id), 5, null],
      ['receive', null, String(a.id), 3, null],
      ['ship', String(a.id), null, 15, null],
      ['transfer', String(b.id), String(a.id), 1.5, null],
      ['receive', null, String(a.id), 15, null], // the shipment's reversal
      ['count', String(b.id), null, 1.5, -1.5],
      ['adjust', String(a.id), null, 0.25, -0.25],
      ['transfer', String(a.id), String(b.id), 4, null],
      ['adjust', null, String(b.id), 1.5, 1.5], // the count's reversal
      ['receive', null, String(b.id), 1, null],
    ]);
    expect(ledger.map((m) => Number(m.id))).toEqual(posted.map((m) => m.id));
    expect(await onHandAt(api, item, a)).toBe('15.25');
    expect(await onHandAt(api, item, b)).toBe('8.5');
    expect((await t.as('viewer').get(`/api/v1/items/${item.id}`)).body.onHand).toBe('23.75');

    const events = await t
      .db('events')
      .where('item_id', item.id)
      .orderBy('id')
      .select('type', 'data');
    // The movements' events (the item's creation has its own); a reversal's names both.
    const ofMovements = events.filter((e) => e.data.movementId !== undefined);
    const movementOf = (d: Record<string, unknown>) => d.reversedByMovementId ?? d.movementId;
    expect(ofMovements.map((e) => [e.type, movementOf(e.data)])).toEqual([
      ['movement.posted', posted[0]!.id],
      ['stock.restored', posted[0]!.id], // created below its reorder point, at 0
      ['movement.posted', posted[1]!.id],
      ['movement.posted', posted[2]!.id],
      ['movement.posted', posted[3]!.id],
      ['stock.low', posted[3]!.id],
      ['movement.posted', posted[4]!.id],
      ['movement.posted', r1.id],
      ['movement.reversed', r1.id],
      ['stock.restored', r1.id],
      ['movement.posted', posted[6]!.id],
      ['movement.posted', posted[7]!.id],
      ['movement.posted', posted[8]!.id],
      ['movement.posted', r2.id],
      ['movement.reversed', r2.id],
      ['movement.posted', posted[10]!.id],
    ]);
    // Each movement.posted names its own kind and places, not another shape's.
    expect(
      ofMovements.filter((e) => e.type === 'movement.reversed').map((e) => e.data.movementId),
    ).toEqual([posted[3]!.id, posted[6]!.id]);
    const postedData = events.filter((e) => e.type === 'movement.posted').map((e) => e.data);
    expect(postedData.map((d) => d.kind)).toEqual(ledger.map((m) => m.kind));
  });
});
