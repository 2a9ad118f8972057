import { isoFromUtcText, utcText } from '../src/lib/sql';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The list pages read an item's timestamps as UTC text from PostgreSQL (utcText) and cut it
// into ISO form instead of making Dates: the JSON must stay byte for byte what the Date-based
// read of one item (GET /items/:id) gives, microseconds truncated to milliseconds as pg's
// parser does. The decimals likewise (trim_scale in SQL, formatDbDecimal for one item).

type Item = { id: number; createdAt: string; updatedAt: string; archivedAt: string | null };

type Page = { data: Item[]; page: { nextCursor: string | null } };

// Values at the edges: .xxx999 must not round up, .000001 must not show, midnight at a year's end.
// Reorder points and stock received: trailing zeros trimmed, zero and none.
const DECIMALS = [
  ['12.5', '2.250'],
  ['0', null],
  [null, '1000'],
] as const;
const STAMPS = [
  ['2026-03-04 05:06:07.123999+00', '1999-12-31 23:59:59.999999+00', null],
  ['2026-03-04 05:06:07.000001+00', '2000-01-01 00:00:00+00', '2026-07-08 09:10:11.456789+00'],
  ['2026-03-04 05:06:07.5+01:30', '2024-02-29 23:59:59.999+00', '0999-01-02 03:04:05.999999+00'],
] as const;

describe('items list timestamps as text', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  async function seeded() {
    const tag = `TS${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const ids: number[] = [];
    const location = await createLocation(api);
    for (const [i, [created, updated, archived]] of STAMPS.entries()) {
      const [reorderPoint, received] = DECIMALS[i]!;
      const item = await createItem(api, {
        name: `Stamp ${tag}`,
        category: tag,
        unit: 'kg',
        reorderPoint,
      });
      if (received) await receive(api, item, location, received);
      await t.db('items').where({ id: item.id }).update({
        created_at: created,
        updated_at: updated,
        archived_at: archived,
      });
      ids.push(item.id);
    }
    const byId = new Map<number, Item>();
    for (const id of ids) byId.set(id, (await api.get(`/api/v1/items/${id}`).expect(200)).body);
    return { tag, byId };
  }

  test('when a list, shortfall or search page holds items with microseconds, a null archivedAt and decimals, then each item is the one-item read byte for byte', async () => {
    const { tag, byId } = await seeded();
    const one = byId.get([...byId.keys()][0]!)!;
    expect(one).toMatchObject({
      createdAt: '2026-03-04T05:06:07.123Z',
      updatedAt: '1999-12-31T23:59:59.999Z',
      archivedAt: null,
      reorderPoint: '12.5',
      onHand: '2.25',
    });
    const pages = [
      { category: tag, archived: 'all' },
      { category: tag, archived: 'all', sort: 'shortfall', order: 'desc' },
      { category: tag, archived: 'all', sort: 'updatedAt', order: 'desc' },
      { q: `stamp ${tag.toLowerCase()}`, archived: 'all' },
    ];
    for (const query of pages) {
      const { data } = (await api.get('/api/v1/items').query(query).expect(200)).body as Page;
      expect(data).toHaveLength(byId.size);
      for (const item of data) expect(JSON.stringify(item)).toBe(JSON.stringify(byId.get(item.id)));
    }
  });

  test('when pages are read by a timestamp sort with a cursor, then they walk every item once', async () => {
    const { tag, byId } = await seeded();
    for (const sort of ['createdAt', 'updatedAt']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await api
          .get('/api/v1/items')
          .query({ category: tag, archived: 'all', sort, limit: 1, ...(cursor ? { cursor } : {}) })
          .expect(200);
        const page = res.body as Page;
        seen.push(...page.data.map((i) => i.id));
        cursor = page.page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...byId.keys()].sort());
    }
  });

  test('when the session has another time zone, then the text is still what toISOString gives', async () => {
    const { byId } = await seeded();
    await t.db.transaction(async (trx) => {
      await trx.raw(`set local time zone 'Asia/Kathmandu'`);
      const rows = (await trx('items')
        .whereIn('id', [...byId.keys()])
        .select('created_at', 'updated_at', trx.raw(`${utcText('created_at')} as c`))
        .select(trx.raw(`${utcText('updated_at')} as u`))) as {
        created_at: Date;
        updated_at: Date;
        c: string;
        u: string;
      }[];
      expect(rows).toHaveLength(byId.size);
      for (const r of rows) {
        expect(isoFromUtcText(r.c)).toBe(r.created_at.toISOString());
        expect(isoFromUtcText(r.u)).toBe(r.updated_at.toISOString());
      }
    });
  });
});
