import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatMilli, parseMilli } from '../src/lib/quantity';
import { postCounts } from '../src/modules/movements/movements.service';
import { createItem, createLocation, receive } from './support/factories';
import { applyMove } from './support/ledger-replay';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 14's race, on the write path count sessions use: 16 clients post movements at random
// over real HTTP while 200 count lines, taken at different moments during the traffic, are
// posted in one transaction. Afterwards every balance equals an independent replay of the
// ledger, and every line's adjustment equals counted minus the replayed balance at its time.
const CLIENTS = 16;
const PER_CLIENT = 40;

describe('counting while stock moves', () => {
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

  test(`when ${CLIENTS} clients post movements while 200 count lines are approved at once, then every adjustment is exact against a replay`, async () => {
    const admin = t.as('admin');
    const items: { id: number }[] = [];
    for (let i = 0; i < 20; i++) items.push(await createItem(admin, { unit: 'kg' }));
    const locs: { id: number }[] = [];
    for (let i = 0; i < 10; i++) locs.push(await createLocation(admin));
    for (const item of items) for (const loc of locs) await receive(admin, item, loc, 50);
    let seed = 99;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) % n);
    const headers = { ...t.headers('operator'), 'content-type': 'application/json' };
    const body = () => {
      const itemId = items[rand(items.length)]!.id;
      const [a, b] = [locs[rand(locs.length)]!.id, locs[rand(locs.length)]!.id];
      const quantity = formatMilli(BigInt(1 + rand(3000)));
      if (rand(3) === 0) return { kind: 'receive', itemId, toLocationId: a, quantity };
      if (a === b) return { kind: 'ship', itemId, fromLocationId: a, quantity };
      return { kind: 'transfer', itemId, fromLocationId: a, toLocationId: b, quantity };
    };
    const now = async () =>
      (
        await t.db.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now')
      ).rows[0]!.now.toISOString();

    // Lines are "counted" during the traffic: each takes its moment while clients post.
    const lines: {
      itemId: number;
      locationId: number;
      countedQuantity: string;
      countedAt: string;
    }[] = [];
    let traffic = true;
    const counting = (async () => {
      for (const item of items)
        for (const loc of locs) {
          lines.push({
            itemId: item.id,
            locationId: loc.id,
            countedQuantity: String(40 + rand(30)),
            countedAt: await now(),
          });
          await new Promise((r) => setTimeout(r, 2));
        }
    })();
    const clients = Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < PER_CLIENT || traffic; i++) {
        const res = await fetch(`${base}/api/v1/movements`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body()),
        });
        const text = await res.text();
        if (![201, 409].includes(res.status)) throw new Error(`${res.status} ${text}`);
        if (i > PER_CLIENT * 4) break;
      }
    });
    await counting;
    // Approval races with the clients still posting.
    const approving = postCounts(t.db, lines, {
      reference: 'count:race',
      actor: { userId: t.users.manager.id, tokenId: null, ip: null },
      skipSuperseded: true,
    });
    const posted = await approving.finally(() => {
      traffic = false;
    });
    await Promise.all(clients);
    expect(posted).toHaveLength(200);
    expect(posted.every((p) => p.movement !== null)).toBe(true);

    // The replay: every movement of these items in ledger order, per place.
    const { rows } = await t.db.raw<{
      rows: {
        id: string;
        item_id: string;
        from_location_id: string | null;
        to_location_id: string | null;
        quantity: string;
        delta: string | null;
        counted_quantity: string | null;
        kind: string;
      }[];
    }>(
      `select id, item_id, from_location_id, to_location_id, quantity, delta, counted_quantity, kind
         from movements where item_id = any(?) order by coalesce(effective_at, created_at), id`,
      [items.map((i) => i.id)],
    );
    const running = new Map<string, bigint>();
    const expectedAt = new Map<string, bigint>();
    for (const r of rows) {
      if (r.kind === 'count') {
        const key = `${r.item_id}:${r.from_location_id ?? r.to_location_id}`;
        expectedAt.set(r.id, running.get(key) ?? 0n);
        expect(parseMilli(r.delta!)).toBe(
          parseMilli(r.counted_quantity!) - (running.get(key) ?? 0n),
        );
      }
      for (const key of applyMove(running, r)) expect(running.get(key)!).toBeGreaterThanOrEqual(0n);
    }
    // What postCounts answered is what the replay says the balance was at each line's time.
    for (const p of posted)
      expect(parseMilli(p.expected!)).toBe(expectedAt.get(String(p.movement!.id)));
    const { rows: balances } = await t.db.raw<{
      rows: { item_id: string; location_id: string; quantity: string }[];
    }>('select item_id, location_id, quantity from stock_levels where item_id = any(?)', [
      items.map((i) => i.id),
    ]);
    for (const b of balances)
      expect(parseMilli(b.quantity)).toBe(running.get(`${b.item_id}:${b.location_id}`) ?? 0n);
  }, 120_000);
});
