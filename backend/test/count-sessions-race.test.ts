import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatMilli, parseMilli } from '../src/lib/quantity';
import {
  createItem,
  createLocation,
  type ItemRow,
  type LocationRow,
  receive,
} from './support/factories';
import { replay } from './support/ledger-replay';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 14's race: 16 clients post movements at random while a 200-line session is counted
// and approved. Afterwards an independent replay of the ledger (written here, from the raw
// rows) must give every balance, and every line's adjustment must be counted − the replayed
// balance at the moment it was counted: the approval kept every movement, before and after.
const CLIENTS = 16;
const MICROS = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text as at`;
// The ledger's time (docs/decisions/0029): when a movement takes effect; older rows have none.
const LEDGER_TIME = 'coalesce(effective_at, created_at)';
const ITEMS = 20;
const PLACES = 10;

interface LedgerRow {
  id: string;
  item_id: string;
  from_location_id: string | null;
  to_location_id: string | null;
  quantity: string;
  kind: string;
  reference: string | null;
  /** Microseconds since the epoch: a Date would cut them to milliseconds. */
  at: string;
}

describe('count approval racing with movements', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '30' });
    server = createServer(t.app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await t.close();
  });

  const call = async (role: 'operator' | 'manager' | 'admin', path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...t.headers(role), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test(`when ${CLIENTS} clients post movements while a ${ITEMS * PLACES}-line session is counted and approved, then balances equal the ledger's replay and each adjustment is counted minus the balance when counted`, async () => {
    const admin = t.as('admin');
    const root = await createLocation(admin);
    const places: LocationRow[] = [];
    for (let i = 0; i < PLACES; i++)
      places.push(await createLocation(admin, { parentId: root.id }));
    const items: ItemRow[] = [];
    for (let i = 0; i < ITEMS; i++) items.push(await createItem(admin, { unit: 'kg' }));
    for (const item of items) for (const place of places) await receive(admin, item, place, 1000);

    let seed = 14;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T>(xs: T[]) => xs[rand(xs.length)]!;
    const qty = () => formatMilli(BigInt(1 + rand(3000)));
    const randomBody = () => {
      const itemId = pick(items).id;
      const [from, to] = [pick(places).id, pick(places).id];
      switch (rand(5)) {
        case 0:
          return { kind: 'receive', itemId, toLocationId: to, quantity: qty() };
        case 1:
          return { kind: 'ship', itemId, fromLocationId: from, quantity: qty() };
        case 2:
          return from === to
            ? { kind: 'adjust', itemId, locationId: from, delta: `-${qty()}` }
            : { kind: 'transfer', itemId, fromLocationId: from, toLocationId: to, quantity: qty() };
        case 3:
          return { kind: 'adjust', itemId, locationId: from, delta: rand(2) ? qty() : `-${qty()}` };
        default:
          return {
            kind: 'count',
            itemId,
            locationId: to,
            countedQuantity: formatMilli(BigInt(900_000 + rand(200_000))),
          };
      }
    };

    let stop = false;
    let posted = 0;
    const failures: string[] = [];
    const client = async () => {
      while (!stop) {
        const res = await call('operator', '/movements', randomBody());
        if (res.status === 201) posted++;
        else failures.push(`${res.status} ${String(res.body.code)}`);
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);

    const session = await call('manager', '/counts', { locationId: root.id, blind: true });
    expect(session.status).toBe(201);
    const id = session.body.id as number;
    // Three counters at once, one place per request, each item counted once per place.
    const counters = ['operator', 'manager', 'admin'] as const;
    const counted = await Promise.all(
      places.map((place, i) =>
        call(counters[i % counters.length]!, `/counts/${id}/lines`, {
          locationId: place.id,
          lines: items.map((item) => ({
            itemId: item.id,
            countedQuantity: formatMilli(BigInt(950_000 + rand(100_000))),
          })),
        }),
      ),
    );
    expect(counted.map((c) => c.status)).toEqual(places.map(() => 201));
    const approved = await call('manager', `/counts/${id}/approve`, {});
    stop = true;
    await Promise.all(clients);

    expect(approved.status).toBe(200);
    expect(failures).toEqual([]);
    expect(posted).toBeGreaterThan(0);

    const itemIds = items.map((i) => i.id);
    const ledger = (await t
      .db('movements')
      .whereIn('item_id', itemIds)
      .orderBy('id')
      .select(
        'id',
        'item_id',
        'from_location_id',
        'to_location_id',
        'quantity',
        'kind',
        'reference',
        t.db.raw(MICROS(LEDGER_TIME)),
      )) as LedgerRow[];

    // Every balance (and each item's total) is what the whole ledger says.
    const replayed = replay(ledger);
    const levels = (await t
      .db('stock_levels')
      .whereIn('item_id', itemIds)
      .select('item_id', 'location_id', 'quantity')) as {
      item_id: string;
      location_id: string;
      quantity: string;
    }[];
    expect(levels).toHaveLength(ITEMS * PLACES);
    for (const l of levels)
      expect([l.item_id, l.location_id, formatMilli(parseMilli(l.quantity))]).toEqual([
        l.item_id,
        l.location_id,
        formatMilli(replayed.get(`${l.item_id}:${l.location_id}`) ?? 0n),
      ]);
    const totals = (await t
      .db('item_totals')
      .whereIn('item_id', itemIds)
      .select('item_id', 'on_hand')) as { item_id: string; on_hand: string }[];
    for (const total of totals) {
      const sum = levels
        .filter((l) => l.item_id === total.item_id)
        .reduce((s, l) => s + parseMilli(l.quantity), 0n);
      expect(parseMilli(total.on_hand)).toBe(sum);
    }

    // Every line: its adjustment is counted − the replayed balance at its time.
    const lines = (await t
      .db('count_lines')
      .where({ session_id: id })
      .select('*', t.db.raw(MICROS('counted_at')))) as {
      item_id: string;
      location_id: string;
      counted_quantity: string;
      at: string;
      adjustment: string;
      movement_id: string | null;
      skipped: string | null;
    }[];
    expect(lines).toHaveLength(ITEMS * PLACES);
    const adjustments = new Map(ledger.map((m) => [m.id, m]));
    let adjusted = 0;
    let movedSince = 0;
    const ours = `count:${id}`;
    const atPlace = (m: LedgerRow, line: { item_id: string; location_id: string }) =>
      m.item_id === line.item_id &&
      (m.from_location_id === line.location_id || m.to_location_id === line.location_id);
    for (const line of lines) {
      const since = ledger.filter(
        (m) => m.reference !== ours && atPlace(m, line) && BigInt(m.at) > BigInt(line.at),
      );
      if (since.length > 0) movedSince++;
      if (line.skipped === 'superseded') {
        // A single count at the place, dated after this line, already fixed the balance.
        expect(since.some((m) => m.kind === 'count')).toBe(true);
        continue;
      }
      const before = ledger.filter(
        (m) => m.reference !== ours && atPlace(m, line) && BigInt(m.at) <= BigInt(line.at),
      );
      const asOf = replay(before).get(`${line.item_id}:${line.location_id}`) ?? 0n;
      const expected = parseMilli(line.counted_quantity) - asOf;
      const movement = adjustments.get(line.movement_id!)!;
      const delta = movement.to_location_id
        ? parseMilli(movement.quantity)
        : -parseMilli(movement.quantity);
      expect([line.item_id, line.location_id, formatMilli(delta)]).toEqual([
        line.item_id,
        line.location_id,
        formatMilli(expected),
      ]);
      expect(parseMilli(line.adjustment)).toBe(delta);
      adjusted++;
    }
    expect(adjusted).toBeGreaterThan((ITEMS * PLACES) / 2);
    // The race happened: stock moved at counted places between their count and approval.
    expect(movedSince).toBeGreaterThan(0);
    const reference = await t
      .db('movements')
      .where({ reference: `count:${id}` })
      .count<{ count: string }[]>('* as count');
    expect(Number(reference[0]!.count)).toBe(adjusted);
  }, 120_000);
});
