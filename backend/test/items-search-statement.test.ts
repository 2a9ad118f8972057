import type { PageRequest } from '../src/lib/keyset';
import { itemsKeyset } from '../src/modules/items/items-list.keyset';
import { searchStatement } from '../src/modules/items/items-search.repository';
import { listItemsQuery } from '../src/modules/items/items.schemas';
import { createItem } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// A search page is one written-out statement (items-search.repository.ts): the ranks, the last
// one cut to what the page still lacks, and the capped count. A first page reads the words once,
// for rank 3 and the count alike (`matches`). What PostgreSQL ran is read from EXPLAIN ANALYZE: a
// node it never started has 0 loops.

const tag = () => `QS${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'Relation Name'?: string;
  Filter?: string;
  'Recheck Cond'?: string;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe('items search statement', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  /** The first page of `q` (`limit` rows, counted to `cap`) and what PostgreSQL ran for it. */
  async function ran(q: string, limit: number, cap: number | null = 100) {
    const query = listItemsQuery.parse({ q, limit: String(limit) });
    const req: PageRequest = { limit, offset: 0 };
    const statement = searchStatement(
      { ...query, q },
      itemsKeyset(query).keys,
      req,
      cap ?? undefined,
    )!;
    const conn = (await t.db.client.acquireConnection()) as {
      query(q: { text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
    };
    try {
      const { rows } = await conn.query({
        text: `explain (analyze, format json) ${statement.text}`,
        values: statement.values,
      });
      const plan = (rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
      const all = nodes(plan);
      // The scans of `items` by the words (`LIKE '%…%'`): the prefix ranks' patterns have no
      // leading %. A bitmap scan holds them in its recheck, an index walk in its filter.
      const words = all.filter(
        (n) =>
          n['Relation Name'] === 'items' &&
          /~~ '%/.test(`${n.Filter ?? ''} ${n['Recheck Cond'] ?? ''}`),
      );
      // A count of its own: a one-time subplan that reads `items` (the first page's count reads
      // `matches`, and the head's count the head).
      const count = all.filter(
        (n) =>
          n['Subplan Name']?.startsWith('InitPlan') &&
          nodes(n).some((m) => m['Relation Name'] === 'items'),
      );
      return {
        rows: (await conn.query(statement)).rows,
        countLoops: count.map((n) => n['Actual Loops']),
        words: words.map((n) => ({ loops: n['Actual Loops'] })),
      };
    } finally {
      await t.db.client.releaseConnection(conn);
    }
  }

  test('when a first page is read, then the words are scanned once, for the rest and the count alike, and the count is exact', async () => {
    const q = tag();
    await createItem(api, { sku: q, name: 'Scanned' });
    for (let i = 0; i < 3; i++) await createItem(api, { name: `Part ${i} of ${q}` });
    // A scanned SKU: the page holds every match.
    const whole = await ran(q, 5);
    expect(whole.rows).toHaveLength(4);
    expect(whole.words.map((n) => n.loops)).toEqual([1]);
    expect(whole.countLoops).toEqual([]);
    expect(Number(whole.rows[0]!.total_count)).toBe(4);
    // A full page: the same one scan counts past the page.
    const full = await ran(q, 2);
    expect(full.rows).toHaveLength(3);
    expect(full.words.map((n) => n.loops)).toEqual([1]);
    expect(full.countLoops).toEqual([]);
    expect(Number(full.rows[0]!.total_count)).toBe(4);
    // The count stops one past its cap ("more than 2").
    const capped = await ran(q, 1, 2);
    expect(capped.words.map((n) => n.loops)).toEqual([1]);
    expect(Number(capped.rows[0]!.total_count)).toBe(3);
    // Without a count asked for (labels), there is none.
    expect((await ran(q, 2, null)).rows[0]!.total_count).toBeUndefined();
  });

  test('when the prefix matches fill the page, then the words are read only as far as the count needs, and not at all without a count; when they do not fill it, the rest follows them', async () => {
    const q = tag();
    for (let i = 0; i < 4; i++) await createItem(api, { name: `${q} tray ${i}` });
    await createItem(api, { name: `Lid for ${q}` });
    const filled = await ran(q, 3);
    expect(filled.rows.map((r) => r.cursor_k0)).toEqual([2, 2, 2, 2]);
    expect(Number(filled.rows[0]!.total_count)).toBe(5);
    // No count (labels): the words are not read at all ("steel" read the table for an empty rank 3).
    const labels = await ran(q, 3, null);
    expect(labels.rows.map((r) => r.cursor_k0)).toEqual([2, 2, 2, 2]);
    expect(labels.words.length).toBeGreaterThan(0);
    expect(labels.words.every((n) => n.loops === 0)).toBe(true);
    // Counted to 2 only: one past the cap, or the page's own W rows if more ("more than 2").
    expect(Number((await ran(q, 1, 2)).rows[0]!.total_count)).toBe(3);
    expect(Number((await ran(q, 3, 2)).rows[0]!.total_count)).toBe(4);
    const short = await ran(q, 10);
    expect(short.rows.map((r) => r.cursor_k0)).toEqual([2, 2, 2, 2, 3]);
    expect(short.words.some((n) => n.loops > 0)).toBe(true);
  });

  test('when the prefix matches come first in the list order and no count is asked (labels), then the rest after them is still complete', async () => {
    const q = tag();
    // SKUs put the prefix matches before the rest in the list's order, so they take the first
    // rows of the one read of the words, which without a count is only the page's length.
    for (let i = 0; i < 3; i++)
      await createItem(api, { sku: `${q}-A${i}`, name: `${q} tray ${i}` });
    for (let i = 0; i < 3; i++)
      await createItem(api, { sku: `ZZ${q}-B${i}`, name: `Lid ${i} for ${q}` });
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) {
      const labels = await ran(q, limit, null);
      const counted = await ran(q, limit);
      const skus = (rows: Record<string, unknown>[]) => rows.map((r) => r.sku);
      expect(skus(labels.rows)).toEqual(skus(counted.rows));
      expect(labels.rows).toHaveLength(Math.min(limit + 1, 6));
    }
    expect((await ran(q, 6, null)).rows.map((r) => r.cursor_k0)).toEqual([2, 2, 2, 3, 3, 3]);
  });

  test('when the text equals a SKU or starts a name, then it ranks there without its words checked again, and the words still decide the rest', async () => {
    const q = tag();
    const exact = await createItem(api, { sku: q, name: 'Exact' });
    const prefix = await createItem(api, { name: `${q} M8 bolt` });
    const rest = await createItem(api, { name: `Bolt ${q} M8` });
    const notAWord = await createItem(api, { name: `Bolt ${q} XM8` });
    const ids = async (text: string) =>
      (
        (await api.get('/api/v1/items').query({ q: text }).expect(200)).body as {
          data: { id: number }[];
        }
      ).data.map((i) => i.id);
    const all = await ids(q);
    expect(all.slice(0, 2)).toEqual([exact.id, prefix.id]);
    expect(all.slice(2).sort()).toEqual([rest.id, notAWord.id].sort());
    // "m8" has two characters: it must start a word ("XM8" does not), in the rest as in a prefix.
    expect(await ids(`${q} m8`)).toEqual([prefix.id, rest.id]);
    // Not a prefix in that order: both are the rest, in the list's order (SKU).
    const bySku = [prefix, rest].sort((a, b) =>
      a.sku.toLowerCase() < b.sku.toLowerCase() ? -1 : 1,
    );
    expect(await ids(`m8 ${q}`)).toEqual(bySku.map((i) => i.id));
  });

  test('when a search with filters is paged both ways across ranks, then the pages are the one-page order', async () => {
    const q = tag();
    const category = `cat-${q}`;
    const mk = (body: Record<string, unknown>) => createItem(api, { category, ...body });
    await mk({ sku: q, name: 'Exact sku' });
    await mk({ barcode: q, name: 'Exact barcode' });
    await mk({ name: `${q} tray` });
    await mk({ name: `${q} lid`, barcode: `${q}9` });
    await mk({ name: `Bin ${q}` });
    const archived = await mk({ name: `Old ${q}` });
    await api.post(`/api/v1/items/${archived.id}/archive`).expect((res) => {
      if (res.status >= 300) throw new Error(`archive: ${res.status}`);
    });
    await createItem(api, { name: `Other category ${q}` });
    for (const [sort, order] of [
      ['createdAt', 'desc'],
      ['name', 'asc'],
      ['shortfall', 'desc'],
    ]) {
      const base = { q, category, archived: 'all', sort, order };
      const get = async (extra: Record<string, unknown>) =>
        (
          await api
            .get('/api/v1/items')
            .query({ ...base, ...extra })
            .expect(200)
        ).body as {
          data: { id: number }[];
          page: { nextCursor: string | null; prevCursor: string | null; count: number };
        };
      const all = (await get({ limit: 100 })).data.map((i) => i.id);
      expect(all).toHaveLength(6);
      for (const limit of [1, 2, 4]) {
        const pages = [await get({ limit })];
        while (pages.at(-1)!.page.nextCursor)
          pages.push(await get({ limit, cursor: pages.at(-1)!.page.nextCursor }));
        expect(pages.flatMap((p) => p.data.map((i) => i.id))).toEqual(all);
        for (const p of pages) expect(p.page.count).toBe(6);
        // Back from the last page, by prevCursor, to the first.
        const back = [pages.at(-1)!];
        while (back[0]!.page.prevCursor)
          back.unshift(await get({ limit, cursor: back[0]!.page.prevCursor }));
        expect(back.flatMap((p) => p.data.map((i) => i.id))).toEqual(all);
      }
    }
  });

  test('when the text cannot be a SKU or barcode (white space, over 64 characters), then the statement has no exact rank and still finds the prefix and the rest in order', async () => {
    const q = tag();
    const statement = (text: string) => {
      const query = listItemsQuery.parse({ q: text, limit: '2' });
      const req: PageRequest = { limit: 2, offset: 0 };
      return searchStatement({ ...query, q: text }, itemsKeyset(query).keys, req, 100)!;
    };
    const exact = /lower\(items\.sku\) = lower\(/;
    expect(statement(q).text).toMatch(exact);
    expect(statement(`${q} m8`).text).not.toMatch(exact);
    expect(statement('x'.repeat(65)).text).not.toMatch(exact);
    expect(statement('x'.repeat(64)).text).toMatch(exact);
    // The Kelvin sign's lower case is "k": a text holding it may still equal a SKU.
    expect(statement('\u212Aq1').text).toMatch(exact);

    const prefix = await createItem(api, { name: `${q} M8 bolt` });
    const rest = await createItem(api, { name: `Bolt ${q} M8` });
    const page = async (extra: Record<string, unknown>) =>
      (
        await api
          .get('/api/v1/items')
          .query({ q: `${q} m8`, ...extra })
          .expect(200)
      ).body as {
        data: { id: number }[];
        page: { nextCursor: string | null; count: number };
      };
    expect((await page({})).data.map((i) => i.id)).toEqual([prefix.id, rest.id]);
    const first = await page({ limit: 1 });
    expect(first.data.map((i) => i.id)).toEqual([prefix.id]);
    expect(first.page.count).toBe(2);
    const second = await page({ limit: 1, cursor: first.page.nextCursor });
    expect(second.data.map((i) => i.id)).toEqual([rest.id]);
  });
});
