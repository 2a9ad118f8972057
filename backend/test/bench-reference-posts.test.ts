import { createItem, createLocation, receive } from './support/factories';
import {
  postToReference,
  rollupDeltasAdded,
  type RollupDelta,
  type Send,
} from './support/reference-server';
import { besideReference } from './support/beside-reference';

// The bench compares receipts, shipments and adjustments with the plain reference server too
// (issue 12: every movement post ≥ 0.7×), which means something only if it does the product's
// work: the balance, the item's total, the ledger row, `movement.posted` and, when the total
// crosses the reorder point, `stock.low` / `stock.restored`, and the place's roll-up delta; and
// answers with the same movement. Two twin items, each step posted once by each server.

interface Posted {
  body: Record<string, unknown>;
  events: { type: string; data: Record<string, unknown> }[];
  deltas: RollupDelta[];
  onHand: string;
}

describe("bench reference server, receipts, shipments, adjustments and an item's stock", () => {
  const env = besideReference();

  /** Posts through `send` and reads back what the post wrote. */
  async function posted(send: Send, body: { itemId: number }): Promise<Posted> {
    const { result: res, deltas } = await rollupDeltasAdded(env.t.db, () => send(body));
    expect(res.status).toBe(201);
    const events = await env.t
      .db('events')
      .whereRaw("(data->>'movementId')::bigint = ?", [res.body.id as number])
      .orderBy('id')
      .select('type', 'data');
    const total = await env.t.db('item_totals').where({ item_id: body.itemId }).first('on_hand');
    return { body: res.body, events, deltas, onHand: total.on_hand as string };
  }

  it('when each server posts the same receipts, shipments and adjustments of a twin item, then they write the same rows and answer the same movements', async () => {
    const manager = env.t.as('manager');
    const [a, b] = [await createLocation(manager), await createLocation(manager)];
    const twins = [
      await createItem(manager, { unit: 'kg', reorderPoint: 2 }),
      await createItem(manager, { unit: 'kg', reorderPoint: 2 }),
    ];
    for (const item of twins) await receive(manager, item, a, 3);

    const product: Send = (body) => manager.post('/api/v1/movements').send(body) as never;
    const viaReference = postToReference(env.reference, env.t.headers('manager'));
    const steps = [
      // 3 → 1 at A: the total falls to the reorder point (stock.low).
      (itemId: number) => ({ kind: 'ship', itemId, fromLocationId: a.id, quantity: 2 }),
      // B's first stock of the item (a line more there), the total back above it (stock.restored).
      (itemId: number) => ({ kind: 'receive', itemId, toLocationId: b.id, quantity: 5 }),
      // A emptied (a line less), then stocked again (a line more).
      (itemId: number) => ({ kind: 'adjust', itemId, locationId: a.id, delta: '-1' }),
      (itemId: number) => ({ kind: 'adjust', itemId, locationId: a.id, delta: '2' }),
    ];
    // What differs by design: ids and times, and the item named.
    const same = ({ body, events, deltas, onHand }: Posted) => ({
      body: { ...body, id: 0, createdAt: 0, effectiveAt: 0, item: 0 },
      events: events.map((e) => ({ type: e.type, data: { ...e.data, movementId: 0, item: 0 } })),
      deltas,
      onHand,
    });
    const seen: string[][] = [];
    for (const step of steps) {
      const mine = await posted(product, step(twins[0]!.id));
      const theirs = await posted(viaReference, step(twins[1]!.id));
      expect(same(theirs)).toEqual(same(mine));
      seen.push(theirs.events.map((e) => e.type));
    }
    // The steps reach every kind of row they are meant to (so equality is not of two nothings).
    expect(seen).toEqual([
      ['movement.posted', 'stock.low'],
      ['movement.posted', 'stock.restored'],
      ['movement.posted'],
      ['movement.posted'],
    ]);
    expect(
      (
        await env.t
          .db('stock_levels')
          .whereIn('item_id', [twins[0]!.id, twins[1]!.id])
          .orderBy(['item_id', 'location_id'])
          .select('quantity')
      ).map((r: { quantity: string }) => r.quantity),
    ).toEqual(['2.000', '5.000', '2.000', '5.000']);

    // The bench's "one item with stock per location" reads what the posts left.
    type Stock = { itemId: number; data: { updatedAt: string }[] };
    const comparable = (body: Stock) => ({
      ...body,
      itemId: 0,
      data: body.data.map((d) => ({ ...d, updatedAt: 0 })),
    });
    const ours = await manager.get(`/api/v1/items/${twins[0]!.id}/stock`).expect(200);
    const res = await fetch(`${env.reference.base}/api/v1/items/${twins[1]!.id}/stock`, {
      headers: env.t.headers('manager'),
    });
    expect(res.status).toBe(200);
    const [mine, theirs] = [
      comparable(ours.body as Stock),
      comparable((await res.json()) as Stock),
    ];
    expect(theirs).toEqual(mine);
    expect(mine.data).toHaveLength(2);
  });
});
