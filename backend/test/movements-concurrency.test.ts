import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatMilli, parseMilli } from '../src/lib/quantity';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Many clients at once over real HTTP connections: balances must stay exact and never
// negative, every accepted movement must be in the ledger once, and nothing may deadlock.
const CLIENTS = 50;
const MOVEMENTS = 2000;

describe('concurrent movements', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let connections = 0;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '40' });
    server = createServer(t.app).listen(0, '127.0.0.1');
    server.on('connection', () => connections++);
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await t.close();
  });

  test(`when ${CLIENTS} clients post ${MOVEMENTS} random movements, then the ledger and balances agree exactly`, async () => {
    const items = [
      await createItem(t.as('admin'), { unit: 'kg' }),
      await createItem(t.as('admin'), { unit: 'kg' }),
      await createItem(t.as('admin'), { unit: 'kg' }),
    ];
    const locs = [
      await createLocation(t.as('admin')),
      await createLocation(t.as('admin')),
      await createLocation(t.as('admin')),
      await createLocation(t.as('admin')),
    ];
    for (const item of items) await receive(t.as('admin'), item, locs[0]!, 20);

    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T>(xs: T[]) => xs[rand(xs.length)]!;
    const qty = () => formatMilli(BigInt(1 + rand(5000)));
    const [A, B] = [locs[0]!, locs[1]!];
    const randomBody = () => {
      const itemId = pick(items).id;
      switch (rand(7)) {
        case 0:
          return { kind: 'receive', itemId, toLocationId: pick(locs).id, quantity: qty() };
        case 1:
          return { kind: 'ship', itemId, fromLocationId: pick(locs).id, quantity: qty() };
        case 2: // the same pair in both directions, to provoke lock-order deadlocks if there were any
          return {
            kind: 'transfer',
            itemId,
            fromLocationId: A.id,
            toLocationId: B.id,
            quantity: qty(),
          };
        case 3:
          return {
            kind: 'transfer',
            itemId,
            fromLocationId: B.id,
            toLocationId: A.id,
            quantity: qty(),
          };
        case 4: {
          const [from, to] = [pick(locs), pick(locs)];
          return from.id === to.id
            ? { kind: 'adjust', itemId, locationId: from.id, delta: `-${qty()}` }
            : {
                kind: 'transfer',
                itemId,
                fromLocationId: from.id,
                toLocationId: to.id,
                quantity: qty(),
              };
        }
        case 5:
          return {
            kind: 'adjust',
            itemId,
            locationId: pick(locs).id,
            delta: rand(2) ? qty() : `-${qty()}`,
          };
        default:
          return { kind: 'count', itemId, locationId: pick(locs).id, countedQuantity: qty() };
      }
    };
    const bodies = Array.from({ length: MOVEMENTS }, randomBody);

    const accepted: number[] = [];
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const client = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const res = await fetch(`${base}/api/v1/movements`, {
          method: 'POST',
          headers: {
            ...t.headers('operator'),
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(body),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const json = (await res.json()) as { id?: number; code?: string; detail?: string };
        if (res.status === 201) accepted.push(json.id!);
        else if (res.status !== 409 || json.code !== 'INSUFFICIENT_STOCK')
          failures.push(`${res.status} ${json.code} ${json.detail}`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));

    // Every request was either accepted or refused for lack of stock: no 5xx, no deadlock.
    expect(failures).toEqual([]);
    expect([...statuses.keys()].every((s) => s === 201 || s === 409)).toBe(true);
    expect(accepted.length).toBeGreaterThan(MOVEMENTS / 2);

    // Every accepted movement is in the ledger exactly once, and nothing else is.
    const itemIds = items.map((i) => i.id);
    const ledger = (await t.db('movements').whereIn('item_id', itemIds).select('id')).map(
      (r: { id: string }) => Number(r.id),
    );
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(ledger.sort((a, b) => a - b)).toEqual(
      [...accepted, ...(await initialReceipts(t, itemIds))].sort((a, b) => a - b),
    );

    // Each balance equals the ledger's signed effects at that place, and none is negative.
    const { rows } = await t.db.raw<{
      rows: { item_id: string; location_id: string; balance: string; ledger: string }[];
    }>(
      `select s.item_id, s.location_id, s.quantity as balance,
              coalesce((select sum(case when m.to_location_id = s.location_id then m.quantity else -m.quantity end)
                        from movements m where m.item_id = s.item_id
                          and (m.to_location_id = s.location_id or m.from_location_id = s.location_id)), 0) as ledger
       from stock_levels s where s.item_id = any(?)`,
      [itemIds],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(parseMilli(r.balance)).toBeGreaterThanOrEqual(0n);
      expect(parseMilli(r.balance)).toBe(parseMilli(r.ledger));
    }
    // Each item's stored total equals the sum of its balances.
    const { rows: drift } = await t.db.raw<{ rows: unknown[] }>(
      `select t.item_id from item_totals t
       left join (select item_id, sum(quantity) as q from stock_levels group by item_id) s on s.item_id = t.item_id
       where t.on_hand <> coalesce(s.q, 0)
       union all
       select s.item_id from stock_levels s left join item_totals t on t.item_id = s.item_id
       group by s.item_id, t.on_hand having sum(s.quantity) <> coalesce(t.on_hand, 0)`,
    );
    expect(drift).toEqual([]);

    // The clients really were concurrent: the server saw at least one connection each.
    expect(connections).toBeGreaterThanOrEqual(CLIENTS);
  }, 120_000);
});

async function initialReceipts(t: TestApp, itemIds: number[]): Promise<number[]> {
  const rows = (await t
    .db('movements')
    .whereIn('item_id', itemIds)
    .whereNull('idempotency_key')
    .select('id')) as { id: string }[];
  return rows.map((r) => Number(r.id));
}
