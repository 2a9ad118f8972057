import { createItem, createLocation, receive } from './support/factories';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { createTestApp, type TestApp } from './support/test-app';

// The bench's transfer ratio compares the product with a plain reference server (decision 0015)
// and means something only if both write the same rows: the balances, the ledger row, the
// `movement.posted` event and the location roll-ups' deltas (decisions 0017, 0023), and answer
// with the same movement. Two twin items, one moved by each server, the same way.

interface Moved {
  body: Record<string, unknown>;
  event: Record<string, unknown>;
  deltas: { location_id: string; unit: string; quantity: string; lines: number }[];
}

describe('bench reference server, transfer', () => {
  let t: TestApp;
  let reference: ReferenceServer;
  beforeAll(async () => {
    t = await createTestApp();
    reference = await startReferenceServer(t.database.url);
  });
  afterAll(async () => {
    reference?.stop();
    await t?.close();
  });

  /** Posts the transfer through `send` and reads back what it wrote. */
  async function moved(
    send: (body: object) => Promise<{ status: number; body: Record<string, unknown> }>,
    body: object,
  ): Promise<Moved> {
    // The deltas table has no key: what a post added is the multiset difference.
    const rows = async () =>
      (await t.db('location_stock_deltas').select('location_id', 'unit', 'quantity', 'lines')).map(
        (r: Moved['deltas'][number]) => JSON.stringify(r),
      );
    const before = await rows();
    const res = await send(body);
    expect(res.status).toBe(201);
    const id = res.body.id as number;
    const event = await t
      .db('events')
      .where({ type: 'movement.posted' })
      .whereRaw("(data->>'movementId')::bigint = ?", [id])
      .first();
    const left = [...before];
    const deltas = (await rows())
      .filter((r) => {
        const i = left.indexOf(r);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
      })
      .map((r) => JSON.parse(r) as Moved['deltas'][number])
      .sort((x, y) => Number(x.location_id) - Number(y.location_id));
    return { body: res.body, event: event.data as Record<string, unknown>, deltas };
  }

  it('when each server moves a twin item, then they write the same rows and answer the same movement', async () => {
    const manager = t.as('manager');
    const [a, b] = [await createLocation(manager), await createLocation(manager)];
    const twins = [
      await createItem(manager, { unit: 'kg' }),
      await createItem(manager, { unit: 'kg' }),
    ];
    // 2 at A: the first transfer leaves 1 (no line change), the second empties A (a line less)
    // and B gains its first line of the item.
    for (const item of twins) await receive(manager, item, a, 2);

    const product = (body: object) =>
      manager.post('/api/v1/movements').send(body) as unknown as Promise<{
        status: number;
        body: Record<string, unknown>;
      }>;
    const viaReference = async (body: object) => {
      const res = await fetch(`${reference.base}/api/v1/movements`, {
        method: 'POST',
        headers: { ...t.headers('manager'), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
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
        await t
          .db('stock_levels')
          .whereIn('item_id', [twins[0]!.id, twins[1]!.id])
          .orderBy(['item_id', 'location_id'])
          .select('location_id', 'quantity')
      ).map((r: { quantity: string }) => r.quantity),
    ).toEqual(['0.000', '2.000', '0.000', '2.000']);
  });
});
