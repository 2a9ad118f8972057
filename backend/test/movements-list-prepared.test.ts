import { createItem, createLocation, receive } from './support/factories';
import { walkIds } from './support/cursor-walk';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The movements list at the UI's lengths, unfiltered or by item, runs as a named prepared
// statement with the limit written in (movements.repository.ts list). One pooled connection,
// so pg_prepared_statements (per session) shows what the API prepared.

interface Page {
  data: { id: number; item: { id: number } }[];
  page: { nextCursor: string | null };
}

describe('movements list, prepared pages', () => {
  let t: TestApp;
  let api: Api;
  let itemId: number;
  let locationId: number;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
    api = t.as('manager');
    const [item, other] = [await createItem(api), await createItem(api)];
    const location = await createLocation(api);
    itemId = item.id;
    locationId = location.id;
    // 45 of the item's, 23 of another's, interleaved: each page of the item's history skips
    // rows of the other.
    for (let i = 0; i < 45; i++) {
      await receive(api, item, location, 1);
      if (i % 2 === 0) await receive(api, other, location, 1);
    }
  });
  afterAll(() => t.close());

  const get = async (query: Record<string, unknown>) =>
    (await api.get('/api/v1/movements').query(query).expect(200)).body as Page;

  const walk = (query: Record<string, unknown>) => walkIds(api, '/api/v1/movements', query);

  async function listStatements() {
    const { rows } = await t.db.raw<{
      rows: { statement: string; generic_plans: string; custom_plans: string }[];
    }>(
      `select statement, generic_plans, custom_plans from pg_prepared_statements
       where statement like '%from "movements" as "m"%' and statement like '%order by "m"."id" desc%'`,
    );
    return rows.map((r) => ({
      statement: r.statement,
      runs: Number(r.generic_plans) + Number(r.custom_plans),
      generic: Number(r.generic_plans),
    }));
  }

  test('when the movements are paged at the UI lengths, then the pages hold what other lengths hold, in the same order', async () => {
    const all = await walk({ limit: 50 });
    expect(all).toEqual(await walk({ limit: 7 }));
    expect(all).toHaveLength(68);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const history = await walk({ itemId, limit: 20 });
    expect(history).toEqual(await walk({ itemId, limit: 7 }));
    expect(history).toHaveLength(45);
    const body = await get({ itemId, limit: 20 });
    expect(body.data.every((m) => m.item.id === itemId)).toBe(true);
  });

  test('when a page is read again and again, then PostgreSQL plans it once and runs it from then on', async () => {
    for (let i = 0; i < 8; i++) {
      await get({ limit: 50 });
      await get({ itemId, limit: 20 });
    }
    const statements = await listStatements();
    const first = statements.filter((s) => / limit 51$/.test(s.statement));
    const history = statements.filter((s) => / limit 21$/.test(s.statement));
    // No value at all in the first page's statement: a generic plan from its first run.
    expect(first.some((s) => s.generic >= 8)).toBe(true);
    // The item's history: the same statement each time, whatever plan PostgreSQL settles on.
    expect(history.some((s) => s.runs >= 8 && /"m"\."item_id" = \$1/.test(s.statement))).toBe(true);
  });

  test('when the list has another filter or length, then its statement is not prepared (its plan follows its values)', async () => {
    const before = (await listStatements()).map((s) => s.statement);
    await get({ kind: 'receive' });
    await get({ locationId });
    await get({ itemId, kind: 'receive', limit: 20 });
    await get({ reference: 'none' });
    await get({ from: '2020-01-01T00:00:00Z' });
    await get({ limit: 37 });
    const added = (await listStatements()).filter((s) => !before.includes(s.statement));
    expect(added).toEqual([]);
  });
});
