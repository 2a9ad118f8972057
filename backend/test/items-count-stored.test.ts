import knex, { type Knex } from 'knex';
import { foldCountDeltas } from '../src/modules/items/items.service';
import { createItem } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The unfiltered items list reads its count from item_counts plus item_count_deltas, which
// statement triggers on items append to and a background job folds (migrations
// 20261207100000–100200). These tests hold the stored figures to the rows themselves after
// every kind of statement that changes them, folded or not.

describe('items count, stored', () => {
  let t: TestApp;
  let api: Api;
  /** The test's database as the superuser (the ledger's TRUNCATE guard is lifted below). */
  let db: Knex;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('manager');
    db = knex({ client: 'pg', connection: t.database.adminUrl, pool: { min: 0, max: 2 } });
  });
  afterAll(async () => {
    await db.destroy();
    await t.close();
  });

  /** Stored and counted items per state, active first: the two must always be equal. */
  async function figures() {
    const { rows } = await db.raw<{
      rows: { archived: boolean; stored: string; counted: string }[];
    }>(
      `select c.archived,
              c.items + coalesce((select sum(d.items) from item_count_deltas d
                                  where d.archived = c.archived), 0) as stored,
              (select count(*) from items i where (i.archived_at is not null) = c.archived) as counted
       from item_counts c order by c.archived`,
    );
    return rows.map((r) => ({ stored: Number(r.stored), counted: Number(r.counted) }));
  }
  const expectStoredEqualsCounted = async () => {
    const rows = await figures();
    expect(rows).toHaveLength(2);
    for (const { stored, counted } of rows) expect(stored).toBe(counted);
  };
  /** Equal before the fold, equal after it, and nothing left to fold. */
  const expectExactFoldedOrNot = async () => {
    await expectStoredEqualsCounted();
    await foldCountDeltas(t.db);
    await expectStoredEqualsCounted();
    expect(await db('item_count_deltas').count({ n: '*' })).toEqual([{ n: '0' }]);
  };
  const listCount = async (query: Record<string, unknown> = {}) =>
    (
      (
        await api
          .get('/api/v1/items')
          .query({ limit: 1, ...query })
          .expect(200)
      ).body as {
        page: { count: number; countExact: boolean; nextCursor: string | null };
      }
    ).page;

  test('when items are created, archived and restored through the API, then the list counts each state exactly', async () => {
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await createItem(api));
    await api.post(`/api/v1/items/${made[0]!.id}/archive`).expect(200);
    await api.post(`/api/v1/items/${made[1]!.id}/archive`).expect(200);
    await api.post(`/api/v1/items/${made[1]!.id}/unarchive`).expect(200);
    // An edit moves no item between states.
    await api.patch(`/api/v1/items/${made[2]!.id}`).send({ name: 'Renamed' }).expect(200);
    await expectStoredEqualsCounted();
    const [active, archived] = (await figures()).map((f) => f.stored) as [number, number];
    expect(await listCount()).toMatchObject({ count: active, countExact: true });
    // The same answer once the deltas are folded into item_counts.
    await expectExactFoldedOrNot();
    expect(await listCount()).toMatchObject({ count: active, countExact: true });
    expect(await listCount({ archived: 'archived' })).toMatchObject({
      count: archived,
      countExact: true,
    });
    expect(await listCount({ archived: 'all' })).toMatchObject({
      count: active + archived,
      countExact: true,
    });
  });

  test('when the list is unfiltered, then its page reads the stored count and does not count items', async () => {
    await createItem(api);
    const statements: string[] = [];
    const record = (q: { sql: string }) => void statements.push(q.sql);
    t.db.on('query', record);
    try {
      await listCount();
      await listCount({ sort: 'name', order: 'desc' });
    } finally {
      t.db.off('query', record);
    }
    const pages = statements.filter((sql) => /from "items"/.test(sql));
    expect(pages).toHaveLength(2);
    for (const sql of pages) {
      expect(sql).toMatch(/from item_counts c/);
      expect(sql).not.toMatch(/count\(\*\)/);
    }
  });

  test('when more than 1,000 items are in the list, then the unfiltered list says how many exactly and a filtered one stops at 1,000', async () => {
    const tag = `big-${Math.random().toString(36).slice(2, 8)}`;
    await db.raw(
      `insert into items (sku, name, category)
       select 'BIG-' || ? || '-' || g, 'Big ' || g, ? from generate_series(1, 1200) g`,
      [tag, tag],
    );
    await db('items')
      .where({ sku: `BIG-${tag}-7` })
      .update({ archived_at: db.fn.now() });
    const [active, archived] = (await figures()).map((f) => f.counted) as [number, number];
    expect(active).toBeGreaterThan(1000);
    expect(await listCount()).toMatchObject({ count: active, countExact: true });
    expect(await listCount({ sort: 'name', order: 'desc', archived: 'all' })).toMatchObject({
      count: active + archived,
      countExact: true,
    });
    // A later page says the same.
    const first = await listCount();
    expect(await listCount({ cursor: first.nextCursor })).toMatchObject({
      count: active,
      countExact: true,
    });
    await foldCountDeltas(t.db);
    expect(await listCount()).toMatchObject({ count: active, countExact: true });
    // Any other filter still counts its rows, up to the cap.
    expect(await listCount({ category: tag })).toMatchObject({ count: 1000, countExact: false });
  });

  test('when many statements change items at once and side by side, then the stored counts stay exact', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, () => createItem(api)));
    await Promise.all(made.map((item) => api.post(`/api/v1/items/${item.id}/archive`).expect(200)));
    await Promise.all(
      made
        .filter((_, i) => i % 2 === 0)
        .map((item) => api.post(`/api/v1/items/${item.id}/unarchive`).expect(200)),
    );
    await expectExactFoldedOrNot();
    // Set-based statements, as an import writes them: many rows per statement, an upsert that
    // both inserts and updates, an update that archives some rows and restores others.
    await db.raw(
      `insert into items (sku, name, unit, archived_at)
       select 'BULK-' || g, 'Bulk ' || g, 'each', case when g % 4 = 0 then now() end
       from generate_series(1, 40) g`,
    );
    await expectStoredEqualsCounted();
    await db.raw(
      `insert into items (sku, name, unit) select 'BULK-' || g, 'Again ' || g, 'each'
       from generate_series(30, 50) g
       on conflict (lower(sku)) do update set archived_at = now()`,
    );
    await expectExactFoldedOrNot();
    await db.raw(
      `update items set archived_at = case when archived_at is null then now() end
       where sku like 'BULK-%'`,
    );
    await expectExactFoldedOrNot();
  });

  test('when one transaction creating an item is still open, then another creates and commits without waiting for it', async () => {
    // The figures are appended per statement, not updated in place: no row is shared between
    // the two writers (with item_counts updated in place, the second waited for the first).
    const first = await db.transaction();
    try {
      await first.raw(`insert into items (sku, name, unit) values ('OPEN-1', 'Open', 'each')`);
      await db.transaction(async (second) => {
        await second.raw(`set local lock_timeout = '2s'`);
        await second.raw(`insert into items (sku, name, unit) values ('OPEN-2', 'Open', 'each')`);
        await second.raw(`update items set archived_at = now() where sku = 'OPEN-2'`);
      });
      // A fold meanwhile folds what is committed and leaves the open transaction's delta alone.
      await foldCountDeltas(t.db);
    } finally {
      await first.commit();
    }
    await expectExactFoldedOrNot();
  });

  test('when two replicas fold at the same moment, then each delta is added once', async () => {
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 6 }, () => createItem(api)));
      // Two pools, as two API processes would have, folding side by side with a create.
      const [a, b] = await Promise.all([
        foldCountDeltas(t.db),
        foldCountDeltas(db),
        createItem(api),
      ]);
      expect(Number(a) + Number(b)).toBeGreaterThan(0);
      await expectStoredEqualsCounted();
    }
    await expectExactFoldedOrNot();
  });

  test('when nothing is left to fold, then a fold round sends one read and opens no transaction', async () => {
    await createItem(api);
    await foldCountDeltas(t.db);
    const sent: string[] = [];
    const listener = (q: { sql: string }) => sent.push(q.sql);
    t.db.on('query', listener);
    try {
      expect(await foldCountDeltas(t.db)).toBe(0);
    } finally {
      t.db.off('query', listener);
    }
    expect(sent).toEqual(['select exists (select 1 from item_count_deltas) as pending']);
  });

  test('when items are deleted or truncated, then the stored counts follow', async () => {
    const rolledBack = new Error('rolled back on purpose');
    const inside = db.transaction(async (trx) => {
      await trx.raw(`insert into items (sku, name, unit) values ('GONE-1', 'Gone', 'each')`);
      await trx.raw(`delete from items where sku = 'GONE-1'`);
      const { rows } = await trx.raw<{ rows: { ok: boolean }[] }>(
        `select (select items from item_counts where not archived)
                + (select coalesce(sum(items), 0) from item_count_deltas where not archived)
              = (select count(*) from items where archived_at is null) as ok`,
      );
      expect(rows[0]!.ok).toBe(true);
      // The ledger refuses TRUNCATE; lifted inside this transaction only, which is rolled back.
      await trx.raw('alter table movements disable trigger movements_no_truncate');
      await trx.raw('truncate items cascade');
      const { rows: after } = await trx.raw<{ rows: { items: string }[] }>(
        `select items from item_counts union all select items from item_count_deltas`,
      );
      expect(after.map((r) => Number(r.items))).toEqual([0, 0]);
      throw rolledBack;
    });
    await expect(inside).rejects.toBe(rolledBack);
    await expectStoredEqualsCounted();
  });
});
