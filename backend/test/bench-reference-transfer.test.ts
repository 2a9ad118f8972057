import { createItem, createLocation, receive } from './support/factories';
import {
  postToReference,
  rollupDeltasAdded,
  type RollupDelta,
  type Send,
} from './support/reference-server';
import { besideReference } from './support/beside-reference';

// The bench's transfer ratio compares the product with a plain reference server (decision 0015)
// and means something only if both write the same rows: the balances, the ledger row, the
// `movement.posted` event and the location roll-ups' deltas (decisions 0017, 0023), and answer
// with the same movement. Two twin items, one moved by each server, the same way.

interface Moved {
  body: Record<string, unknown>;
  event: Record<string, unknown>;
  deltas: RollupDelta[];
}

describe('bench reference server, transfer', () => {
  const env = besideReference();

  /** Posts the transfer through `send` and reads back what it wrote. */
  async function moved(send: Send, body: object): Promise<Moved> {
    const { result: res, deltas } = await rollupDeltasAdded(env.t.db, () => send(body));
    expect(res.status).toBe(201);
    const id = res.body.id as number;
    const event = await env.t
      .db('events')
      .where({ type: 'movement.posted' })
      .whereRaw("(data->>'movementId')::bigint = ?", [id])
      .first();
    deltas.sort((x, y) => Number(x.location_id) - Number(y.location_id));
    return { body: res.body, event: event.data as Record<string, unknown>, deltas };
  }

  it('when each server moves a twin item, then they write the same rows and answer the same movement', async () => {
    const manager = env.t.as('manager');
    const [a, b] = [await createLocation(manager), await createLocation(manager)];
    const twins = [
      await createItem(manager, { unit: 'kg' }),
      await createItem(manager, { unit: 'kg' }),
    ];
    // 2 at A: the first transfer leaves 1 (no line change), the second empties A (a line less)
    // and B gains its first line of the item.
    for (const item of twins) await receive(manager, item, a, 2);

    const product: Send = (body) => manager.post('/api/v1/movements').send(body) as never;
    const viaReference = postToReference(env.reference, env.t.headers('manager'));
    const transfer = (itemId: number) => ({
      kind: 'transfer',
      itemId,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 1,
    });

    for (let step = 0; step < 2; step++) {
      const mine = await moved(product, transfer(twins[0]!.id));
      const theirs = await moved(viaReference, transfer(twins[1]!.id));
      // What differs by design: ids and times, and the item named.
      const same = ({ body, event, deltas }: Moved) => ({
        body: { ...body, id: 0, createdAt: 0, effectiveAt: 0, item: 0 },
        event: { ...event, movementId: 0, item: 0 },
        deltas,
      });
      expect(same(theirs)).toEqual(same(mine));
      expect(theirs.deltas).toHaveLength(2);
    }
    expect(
      (
        await env.t
          .db('stock_levels')
          .whereIn('item_id', [twins[0]!.id, twins[1]!.id])
          .orderBy(['item_id', 'location_id'])
          .select('location_id', 'quantity')
      ).map((r: { quantity: string }) => r.quantity),
    ).toEqual(['0.000', '2.000', '0.000', '2.000']);
  });
});
