import { formatMilli } from '../src/lib/quantity';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { replay as replayLedger } from './support/ledger-replay';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// Point 1 of issue 14: GET /stock?asOf= per item, location and subtree, against an
// independent replay of the ledger (sum of every movement whose ledger time is <= the moment).

interface Line {
  item: { id: number };
  location: { id: number };
  quantity: string;
}

describe('stock as of a moment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const dbNow = async () =>
    (
      await t.db.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now')
    ).rows[0]!.now.toISOString();
  const pause = () => new Promise((r) => setTimeout(r, 3));

  /** Every page of the list, following nextCursor. */
  async function all(api: Api, query: string): Promise<Line[]> {
    const lines: Line[] = [];
    let cursor: string | null = null;
    do {
      const res = await api
        .get(`/api/v1/stock?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      lines.push(...(res.body.data as Line[]));
      cursor = res.body.page.nextCursor as string | null;
    } while (cursor);
    return lines;
  }

  /** The replay: balances per "item:location" from the ledger rows up to `at`. */
  async function replay(at: string, itemIds: number[]) {
    const { rows } = await t.db.raw<{
      rows: {
        item_id: string;
        from_location_id: string | null;
        to_location_id: string | null;
        quantity: string;
      }[];
    }>(
      `select item_id, from_location_id, to_location_id, quantity from movements
        where item_id = any(?) and coalesce(effective_at, created_at) <= ?`,
      [itemIds, at],
    );
    return [...replayLedger(rows)]
      .filter(([, q]) => q !== 0n)
      .map(([k, q]) => `${k}=${formatMilli(q)}`)
      .sort();
  }
  const keyed = (lines: Line[]) =>
    lines.map((l) => `${l.item.id}:${l.location.id}=${l.quantity}`).sort();

  test('when stock moved over time, then as of each moment the item, the place and the subtree match a replay of the ledger', async () => {
    const admin = t.as('admin');
    const api = t.as('operator');
    const root = await createLocation(admin);
    const child = await createLocation(admin, { parentId: root.id });
    const grandchild = await createLocation(admin, { parentId: child.id });
    const elsewhere = await createLocation(admin);
    const places = [root, child, grandchild, elsewhere];
    const items = [await createItem(admin), await createItem(admin), await createItem(admin)];
    const moments: string[] = [await dbNow()];
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) % n);
    for (let step = 0; step < 40; step++) {
      const item = items[rand(3)]!;
      const [a, b] = [places[rand(4)]!, places[rand(4)]!];
      const res = await api.post('/api/v1/movements').send(
        rand(3) === 0
          ? { kind: 'receive', itemId: item.id, toLocationId: a.id, quantity: 1 + rand(9) }
          : a === b
            ? { kind: 'ship', itemId: item.id, fromLocationId: a.id, quantity: 1 + rand(3) }
            : {
                kind: 'transfer',
                itemId: item.id,
                fromLocationId: a.id,
                toLocationId: b.id,
                quantity: 1 + rand(3),
              },
      );
      expect([201, 409]).toContain(res.status);
      if (step % 5 === 0) {
        await pause();
        moments.push(await dbNow());
        await pause();
      }
    }
    // A count dated back to an earlier moment changes the history from then on.
    await receive(api, items[0]!, grandchild, 5);
    await postMovement(api, {
      kind: 'count',
      itemId: items[0]!.id,
      locationId: grandchild.id,
      countedQuantity: '100',
      countedAt: moments.at(-1),
    });
    moments.push(await dbNow());
    const ids = items.map((i) => i.id);
    for (const at of moments) {
      const expected = await replay(at, ids);
      const asOf = encodeURIComponent(at);
      const perItem = (
        await Promise.all(items.map((i) => all(api, `asOf=${asOf}&itemId=${i.id}`)))
      ).flat();
      expect(keyed(perItem)).toEqual(expected);
      const subtree = await all(api, `asOf=${asOf}&locationId=${root.id}&subtree=true`);
      expect(keyed(subtree)).toEqual(expected.filter((e) => !e.includes(`:${elsewhere.id}=`)));
      const here = await all(api, `asOf=${asOf}&locationId=${child.id}`);
      expect(keyed(here)).toEqual(
        expected.filter((e) => e.split('=')[0]!.endsWith(`:${child.id}`)),
      );
    }
  });

  test('when the list is asked without an item or a place, or with a bad moment or cursor, then it is a 400 problem', async () => {
    const api = t.as('viewer');
    for (const query of [
      'asOf=2026-01-01T00:00:00Z',
      'itemId=1&asOf=yesterday',
      'itemId=1&asOf=0001-01-01T00:00:00Z',
      'itemId=1&cursor=abc',
      'itemId=1&subtree=true',
      'itemId=1&limit=5000',
    ]) {
      const res = await api.get(`/api/v1/stock?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  test('when the item or place does not exist, then it is 404', async () => {
    await t.as('viewer').get('/api/v1/stock?itemId=999999999').expect(404);
    await t.as('viewer').get('/api/v1/stock?locationId=999999999').expect(404);
  });

  test('when asOf is in the future, then it answers stock now', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('operator'), item, loc, 3);
    const res = await t
      .as('viewer')
      .get(`/api/v1/stock?itemId=${item.id}&asOf=2999-01-01T00:00:00Z`)
      .expect(200);
    expect(res.body.data).toMatchObject([{ location: { id: loc.id }, quantity: '3' }]);
    expect(Date.parse(res.body.asOf)).toBeLessThanOrEqual(Date.now() + 1000);
  });
});
