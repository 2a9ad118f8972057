import type { Knex } from 'knex';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Independent of the API's code: replays movements forward in thousandths.
const milli = (q: string | number) => Math.round(Number(q) * 1000);
const text = (m: number) => String(m / 1000);

interface LedgerRow {
  id: string;
  item_id: string;
  kind: string;
  from_location_id: string | null;
  to_location_id: string | null;
  quantity: string;
  created_at: Date;
}

// In the ledger's time (a count's countedAt, docs/decisions/0029), then id.
const ledger = async (db: Knex, itemId?: number) =>
  (await db('movements')
    .modify((q) => void (itemId === undefined ? q : q.where('item_id', itemId)))
    .orderByRaw('coalesce(effective_at, created_at), id')) as LedgerRow[];

const dbNow = async (db: Knex) =>
  (await db.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now')).rows[0]!.now;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('chart series', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an item moves between places and is counted, then its history equals a replay of its ledger, with the count adjustments marked', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('admin'), item, a, 10);
    await postMovement(t.as('admin'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 4,
    });
    const adjusted = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: b.id,
      countedQuantity: '3.5',
    });
    const same = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: a.id,
      countedQuantity: 6,
    });
    await pause();
    const takenAt = (await dbNow(t.db)).toISOString();
    await pause();
    await postMovement(t.as('admin'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: a.id,
      quantity: 2,
    });
    await receive(t.as('admin'), item, b, '0.25');
    // Posted last, taken before the shipment: drawn where it was taken (0.5 found missing at b).
    const dated = await postMovement(t.as('admin'), {
      kind: 'count',
      itemId: item.id,
      locationId: b.id,
      countedQuantity: 3,
      countedAt: takenAt,
    });

    const res = await t.as('viewer').get(`/api/v1/items/${item.id}/stock-history`).expect(200);
    const body = res.body as {
      locations: { id: number }[];
      start: { total: string; quantities: string[] };
      points: {
        movementId: number;
        kind: string;
        countAdjustment: boolean;
        total: string;
        quantities: string[];
      }[];
      complete: boolean;
    };
    const order = body.locations.map((l) => l.id);
    const balances = new Map<number, number>();
    const expected = (await ledger(t.db, item.id)).map((m) => {
      const q = milli(m.quantity);
      if (m.from_location_id)
        balances.set(
          Number(m.from_location_id),
          (balances.get(Number(m.from_location_id)) ?? 0) - q,
        );
      if (m.to_location_id)
        balances.set(Number(m.to_location_id), (balances.get(Number(m.to_location_id)) ?? 0) + q);
      const quantities = order.map((id) => balances.get(id) ?? 0);
      return {
        movementId: Number(m.id),
        kind: m.kind,
        total: text(quantities.reduce((x, y) => x + y, 0)),
        quantities: quantities.map(text),
      };
    });
    expect(body.complete).toBe(true);
    expect(body.start).toEqual({ total: '0', quantities: ['0', '0'] });
    expect(
      body.points.map(({ movementId, kind, total, quantities }) => ({
        movementId,
        kind,
        total,
        quantities,
      })),
    ).toEqual(expected);
    // Marked: the count that changed the balance; not the one that found it right.
    expect(body.points.filter((p) => p.countAdjustment).map((p) => p.movementId)).toEqual([
      adjusted.id,
      dated.id,
    ]);
    expect(body.points.map((p) => p.movementId).indexOf(dated.id)).toBe(4);
    expect(body.points.find((p) => p.movementId === same.id)?.countAdjustment).toBe(false);

    // The newest two only: they end on today's stock and start where the replay says.
    const tail = await t
      .as('viewer')
      .get(`/api/v1/items/${item.id}/stock-history?limit=2`)
      .expect(200);
    expect(tail.body.complete).toBe(false);
    expect(tail.body.points.map((p: { movementId: number }) => p.movementId)).toEqual(
      expected.slice(-2).map((p) => p.movementId),
    );
    expect(tail.body.start).toEqual({
      total: expected.at(-3)!.total,
      quantities: expected.at(-3)!.quantities,
    });
    await t.as('viewer').get('/api/v1/items/99999999/stock-history').expect(404);
    await t.as('viewer').get(`/api/v1/items/${item.id}/stock-history?limit=0`).expect(400);
  });

  test('when movements were posted on several days, then the per-day counts by kind and the low items per day equal a replay of the ledger', async () => {
    const days = 10;
    const loc = await createLocation(t.as('admin'));
    const [x, y, z] = [
      await createItem(t.as('admin'), { reorderPoint: 5 }),
      await createItem(t.as('admin'), { reorderPoint: 20 }),
      await createItem(t.as('admin')),
    ];
    // Back-dated movements, with balances and totals kept equal to the ledger as a post would.
    const backdated = async (
      item: { id: number },
      kind: 'receive' | 'ship',
      q: number,
      daysAgo: number,
    ) => {
      await t.db.transaction(async (trx) => {
        await trx('movements').insert({
          kind,
          item_id: item.id,
          to_location_id: kind === 'receive' ? loc.id : null,
          from_location_id: kind === 'ship' ? loc.id : null,
          quantity: q,
          created_at: trx.raw(`now() - make_interval(days => ?)`, [daysAgo]),
        });
        const change = kind === 'receive' ? q : -q;
        // Insert at 0 then add: an upsert checks its (negative) proposed row first.
        await trx.raw(
          `insert into stock_levels (item_id, location_id, quantity) values (?, ?, 0)
           on conflict do nothing`,
          [item.id, loc.id],
        );
        await trx.raw(
          'update stock_levels set quantity = quantity + ? where item_id = ? and location_id = ?',
          [change, item.id, loc.id],
        );
        await trx.raw('update item_totals set on_hand = on_hand + ? where item_id = ?', [
          change,
          item.id,
        ]);
      });
    };
    await backdated(x, 'receive', 10, 8);
    await backdated(y, 'receive', 30, 7);
    await backdated(x, 'ship', 6, 5);
    await backdated(z, 'receive', 3, 4);
    await backdated(y, 'ship', 15, 3);
    await backdated(x, 'receive', 4, 2);
    await receive(t.as('admin'), y, loc, 10);

    const [perDay, low] = await Promise.all([
      t.as('viewer').get(`/api/v1/charts/movements-per-day?days=${days}`).expect(200),
      t.as('viewer').get(`/api/v1/charts/below-reorder-point?days=${days}`).expect(200),
    ]);
    const all = await ledger(t.db);
    const dayOf = (d: Date) => d.toISOString().slice(0, 10);
    const windowDays = (perDay.body.data as { day: string }[]).map((d) => d.day);
    expect(windowDays).toHaveLength(days);
    expect(windowDays.at(-1)).toBe(dayOf(new Date()));
    const expectedPerDay = windowDays.map((day) => {
      const counts = { day, receive: 0, ship: 0, transfer: 0, adjust: 0, count: 0 };
      for (const m of all) if (dayOf(m.created_at) === day) counts[m.kind as 'receive'] += 1;
      return counts;
    });
    expect(perDay.body.data).toEqual(expectedPerDay);

    const items = (await t.db('items').whereNull('archived_at').whereNotNull('reorder_point')) as {
      id: string;
      reorder_point: string;
    }[];
    const expectedLow = windowDays.map((day) => {
      const end = new Date(`${day}T00:00:00Z`).getTime() + 86_400_000;
      const lowItems = items.filter((i) => {
        let total = 0;
        for (const m of all)
          if (m.item_id === i.id && m.created_at.getTime() < end && m.kind !== 'transfer')
            total += m.to_location_id ? milli(m.quantity) : -milli(m.quantity);
        return total <= milli(i.reorder_point);
      }).length;
      return { day, items: lowItems };
    });
    expect(low.body.data).toEqual(expectedLow);
    // Not a constant: x and y went in and out of low in the window.
    expect(new Set(expectedLow.map((d) => d.items)).size).toBeGreaterThan(1);
    await t.as('viewer').get('/api/v1/charts/movements-per-day?days=0').expect(400);
    await t.as('viewer').get('/api/v1/charts/below-reorder-point?days=93').expect(400);
  });
});
