import type { DbOrTrx } from '../../lib/db';
import { afterSql, type PageRequest, type SortKey } from '../../lib/keyset';
import { firstPage } from '../../lib/keyset-count';
import { customPlanSql } from '../../lib/prepared';
import { likeContains } from '../../lib/sql';
import { itemConditions, type Condition } from './items-list.filters';
import { listColumnsOf } from './items-list.columns';
import type { ListItemsFilter } from './items.schemas';

// A search page of the items list (decision 0022): the matches by rank — 0 exact SKU (any
// case), 1 exact barcode, 2 SKU, name or barcode starts with the text, 3 every word somewhere —
// then the list's sort. Sorting every match by a computed rank reads all of them before the
// first row comes out; here each rank is its own condition read in the sort's order with a
// LIMIT, so each is an index range (or a small bitmap) that stops at the page's end.
//
// Written out rather than built with knex (issue 12: building the union and its count was
// 0.5 ms of the API's CPU per search), and prepared but planned with each call's values
// (customPlanSql): a generic plan cannot use the prefix indexes or judge the words, and parsing
// the statement again on every call was ~0.3 ms of PostgreSQL's time (decision 0039).

/** Ranks read together, in the order of their conditions. */
interface Arm {
  /** The lowest and highest rank the arm's rows have. */
  ranks: [number, number];
  /** SQL of a row's rank. */
  rank: string;
  where: string[];
  /** Whether the words (a full-text filter) must be checked: only where they are not implied. */
  words: boolean;
  /** Rank 3 only: whether a row of `items` starts with the text (its own condition negated). */
  prefixed?: string;
}

/**
 * Marks a parameter in the text until `finish`. A control character, never in the statement's
 * own SQL (values are parameters): in the Latin-1 range, so the text stays a one-byte string;
 * U+E000 made V8 store and copy it two bytes a character (issue 12).
 */
const MARK = '\x01';
const MARKED = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');

/**
 * Query parameters, each value once. A value is a marker until `finish` numbers the markers
 * the text uses, in order: PostgreSQL refuses a parameter it cannot type, and a cursor in a
 * later rank leaves the earlier ranks' values unused.
 */
class Params {
  private readonly all: unknown[] = [];
  add(value: unknown, type?: 'text' | 'int'): string {
    this.all.push(value);
    return `${MARK}${this.all.length - 1}${MARK}${type ? `::${type}` : ''}`;
  }
  /** A knex-style condition (`?` per value) with its values as parameters. */
  sql(c: Condition): string {
    let i = 0;
    return c.sql.replace(/\?/g, () => this.add(c.values[i++]));
  }
  finish(text: string): SearchStatement {
    const numbers = new Map<string, number>();
    const values: unknown[] = [];
    const numbered = text.replace(MARKED, (_, i: string) => {
      let n = numbers.get(i);
      if (n === undefined) {
        values.push(this.all[Number(i)]);
        numbers.set(i, (n = values.length));
      }
      return `$${n}`;
    });
    return { text: numbered, values };
  }
}

/**
 * The three arms in rank order. 0 and 1 are the unique SKU and barcode keys (a row's rank is
 * which one it matched; at most two rows); 2 is a BitmapOr over the `text_pattern_ops` prefix
 * indexes; 3 is "not a prefix", the list's own order with the words as filters. A missing
 * barcode never matches 1 or 2, and inside `not` its NULL counts as "does not start with it", or
 * the row would vanish from 3 too.
 *
 * Ranks 0–2 do not check the words: they imply them. The words are the text's lower case split
 * at white space, and `search_text` is lower(sku || ' ' || name || ' ' || barcode): a SKU or
 * barcode equal to the text, or a SKU, name or barcode starting with it, holds every word as a
 * substring, and each word starting the text or following white space in it starts a word
 * there too (what a word of 1–2 characters must do). Leaving the words out of 0–2 spares the
 * planner estimating each `LIKE '%…%'` three more times (docs/performance.md).
 */
function arms(q: string, p: Params): Arm[] {
  const prefix = p.add(`${likeContains(q.toLowerCase()).slice(1)}`, 'text');
  const startsWith = `lower(items.sku) like ${prefix} or lower(items.name) like ${prefix}`;
  // An exact SKU or barcode starts with the text too, so "not a prefix" excludes all three.
  // The coalesce makes a NULL barcode count as "not a prefix" under `not`; rank 2 keeps the
  // bare comparison (`prefixed`) because an expression around it would stop the planner
  // using the barcode's text_pattern_ops index in that rank's BitmapOr.
  const startsAny = `(${startsWith} or coalesce(lower(items.barcode) like ${prefix}, false))`;
  const code = mayBeCode(q);
  const text = code ? p.add(q, 'text') : '';
  const exactSku = `lower(items.sku) = lower(${text})`;
  const prefixed = `(${startsWith} or lower(items.barcode) like ${prefix})`;
  return [
    ...(code
      ? [
          {
            ranks: [0, 1] as [number, number],
            rank: `(case when ${exactSku} then 0 else 1 end)`,
            where: [`(${exactSku} or items.barcode = ${text})`],
            words: false,
          },
        ]
      : []),
    {
      ranks: [2, 2],
      rank: '2',
      where: code
        ? [prefixed, `not ${exactSku}`, `items.barcode is distinct from ${text}`]
        : [prefixed],
      words: false,
    },
    {
      ranks: [3, 3],
      rank: '3',
      where: [`not ${startsAny}`],
      words: true,
      prefixed: startsAny,
    },
  ];
}

/**
 * Whether `q` can equal a SKU (any case) or a barcode. The tables' checks allow only printable
 * ASCII without white space, at most 64 characters, in both; `lower(sku) = lower(q)` can also
 * meet a KELVIN SIGN in `q` (its lower case is "k"), the one other character whose lower case is
 * ASCII. Anything else ("gloves L", a long phrase) leaves the exact rank out of the statement:
 * one branch fewer for PostgreSQL to plan and run (issue 12).
 */
export const mayBeCode = (q: string): boolean => /^[\x21-\x7E\u212A]{1,64}$/.test(q);

export interface SearchStatement {
  text: string;
  values: unknown[];
}

/**
 * The statement for a search page: up to `req.limit + 1 + req.offset` rows in `keys`' order
 * (keys[0] the rank, its direction the reading order) from the cursor on, with `total_count`
 * when `countCap` is given. Undefined when the cursor is past every rank (an empty page).
 *
 * The ranks are read in one statement. Every rank but the last (in reading order) goes into
 * `head`; the last is cut to what the page still lacks, `W - count(head)` (a LIMIT 0 branch is
 * never started: "steel" read the whole table for an empty rank 3; decision 0022, amended),
 * around the rank's own constant LIMIT, so that it is planned for a page.
 *
 * Without a cursor, rank 3 and the capped count are one read, `matches`: the rows with the words
 * in the list's order up to the cap + 1 (or W), counted whole; its rows that start with the text
 * are dropped (rank 0–2, read in `head`). Its first W rows hold enough of rank 3: the page lacks
 * W − |head|, and at most |head| of them start with the text. After a cursor the count starts
 * at the beginning, so it stays a subquery of its own.
 *
 * The ranks select only id, rank and sort keys; the page's rows are joined to `items` and
 * `item_totals` at the end. Planning is most of a search's PostgreSQL time, and each wide select
 * list carried through the CTEs and the union is planned and copied again (issue 12,
 * docs/performance.md, "Search: narrow ranks, one read for rest and count").
 */
export function searchStatement(
  query: ListItemsFilter & { q: string },
  keys: SortKey[],
  req: PageRequest,
  countCap: number | undefined,
): SearchStatement | undefined {
  const p = new Params();
  const [rankKey, ...sortKeys] = keys as [SortKey, ...SortKey[]];
  const asc = rankKey.dir === 'asc';
  const at = req.cursor ? Number(req.cursor.keys[0]) : undefined;
  const ordered = asc ? arms(query.q, p) : arms(query.q, p).reverse();
  // Ranks before the cursor's are skipped, the cursor's own rank continues after its keys, later
  // ranks start at their beginning: a page that crosses ranks neither skips nor repeats a row.
  const open = ordered.filter(
    ({ ranks }) => at === undefined || (asc ? ranks[1] >= at : ranks[0] <= at),
  );
  if (open.length === 0) return undefined;

  const { rows: rowConditions, words } = itemConditions(query);
  const rowSql = rowConditions.map((c) => p.sql(c));
  const wordSql = words.map((c) => p.sql(c));
  const wanted = p.add(req.limit + 1 + req.offset, 'int');
  const join =
    query.sort === 'shortfall' ? ' join item_totals as tot on tot.item_id = items.id' : '';
  const keyNames = sortKeys.map((_, j) => `k${j + 1}`);

  /** An arm's rows as (id, r, k1…): `own` replaces its condition, `also` adds columns. */
  const select = (arm: Arm, limit: string, own = arm.where, also = '') => {
    // Within arm 0–1 the rank orders the rows (and continues a cursor) like a key.
    const armKeys =
      arm.ranks[0] === arm.ranks[1] ? sortKeys : [{ ...rankKey, sql: arm.rank }, ...sortKeys];
    const where = [...rowSql, ...own, ...(arm.words ? wordSql : [])];
    if (at !== undefined && at >= arm.ranks[0] && at <= arm.ranks[1]) {
      const values = req.cursor!.keys;
      const [sql, bindings] = afterSql(armKeys, armKeys === sortKeys ? values.slice(1) : values);
      where.push(p.sql({ sql, values: bindings }));
    }
    const keyColumns = sortKeys.map((k, j) => `${k.sql} as ${keyNames[j]}`);
    return (
      `select items.id, ${arm.rank}::int as r, ${keyColumns.join(', ')}${also}` +
      ` from items${join} where ${where.join(' and ')}` +
      ` order by ${armKeys.map((k) => `${k.sql} ${k.dir}`).join(', ')} limit ${limit}`
    );
  };

  const last = open.at(-1)!;
  const head = open.slice(0, -1);
  const ctes = head.length
    ? [`head as (${head.map((arm) => `(${select(arm, wanted)})`).join(' union all ')})`]
    : [];
  const lacking = head.length ? `limit greatest(0, ${wanted} - (select count(*) from head))` : '';
  let rest: string;
  let total = '';
  if (at === undefined && asc && last.prefixed) {
    const reach =
      countCap === undefined
        ? wanted
        : p.add(Math.max(countCap + 1, req.limit + 1 + req.offset), 'int');
    ctes.push(`matches as (${select(last, reach, [], `, ${last.prefixed} as p`)})`);
    rest = `select id, r, ${keyNames.join(', ')} from matches where not p`;
    if (countCap !== undefined) total = ', (select count(*) from matches) as total_count';
  } else {
    rest = `select * from (${select(last, wanted)}) as rest`;
    if (countCap !== undefined) {
      const all = [...rowSql, ...wordSql].join(' and ') || 'true';
      const matches = `(select count(*) from (select 1 from items where ${all} limit ${p.add(countCap + 1, 'int')}) as matches)`;
      total = firstPage(req)
        ? `, case when count(*) over () > ${p.add(req.limit, 'int')} then ${matches} end as total_count`
        : `, ${matches} as total_count`;
    }
  }
  const ranks = head.length ? `select * from head union all (${rest} ${lacking})` : rest;
  const order = (t: string) =>
    [`${t}r ${rankKey.dir}`, ...sortKeys.map((k, j) => `${t}${keyNames[j]} ${k.dir}`)].join(', ');
  // The page's fields as sent, converted once per row kept (items-list.columns.ts).
  const cursorColumns = [
    'page.r as cursor_k0',
    ...keyNames.map((k, j) => `page.${k}::text as cursor_k${j + 1}`),
  ];
  return p.finish(
    `${ctes.length ? `with ${ctes.join(', ')} ` : ''}` +
      `select ${listColumnsOf('i')}, ${cursorColumns.join(', ')}, trim_scale(coalesce(t.on_hand, 0)) as on_hand${total}` +
      ` from (${ranks} order by ${order('')} limit ${wanted}) as page` +
      ' join items as i on i.id = page.id left join item_totals as t on t.item_id = i.id' +
      ` order by ${order('page.')}`,
  );
}

/** Rows of a search page (keyset.ts PageReader): see searchStatement. */
export async function searchRows(
  db: DbOrTrx,
  query: ListItemsFilter & { q: string },
  keys: SortKey[],
  req: PageRequest,
  countCap: number | undefined,
): Promise<Record<string, unknown>[]> {
  const statement = searchStatement(query, keys, req, countCap);
  if (!statement) return [];
  const rows = await customPlanSql<Record<string, unknown>>(db, statement.text, statement.values);
  return rows.slice(req.offset);
}
