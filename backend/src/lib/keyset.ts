import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import { pgCode } from './db-errors';
import { AppError } from './errors';
import {
  DEFAULT_PAGE_LIMIT,
  encodeCursor,
  NOT_A_CURSOR,
  type Cursor,
  type CursorPage,
} from './http/cursor';
import { withCount, type PageCount } from './keyset-count';
import { afterTerms, splitPage, tieTerms, withoutSplitColumns } from './keyset-split';
import { prepared } from './prepared';

export const badCursor = () =>
  new AppError('VALIDATION_FAILED', 400, `cursor: ${NOT_A_CURSOR}`, {
    errors: [{ in: 'query', path: 'cursor', message: NOT_A_CURSOR }],
  });

// Keyset (cursor) pagination for any list: rows after (or before) the last row seen, by a
// sort key that ends with the row's id, so equal keys never skip or repeat a row and a deep
// page reads what the first page reads (an index range, no OFFSET).

export interface SortKey {
  /** SQL of the key over the list's table. */
  sql: string;
  /** Values for the `?` in `sql` (e.g. a search term). */
  bindings?: Knex.RawBinding[];
  /** PostgreSQL type a cursor value is cast back to: text, bigint, numeric, timestamptz, int. */
  type: 'text' | 'bigint' | 'numeric' | 'timestamptz' | 'int';
  dir: 'asc' | 'desc';
  /**
   * The joined table the key reads, when not the list's own. No index holds keys of two
   * tables, so the cursor's condition compares them term by term (keyset-split.ts).
   */
  table?: string;
  /** Rows whose key sorts at one end in both directions, read apart (keyset-split.ts). */
  tie?: Tie;
}

/**
 * A key's tie that sorts past every other row (items without a reorder point, by shortfall):
 * the first page and any page that reaches it read it apart from the other rows, by the keys
 * after this one, so that neither it nor the rows before it are sorted whole.
 */
export interface Tie {
  /** Where the tie comes in this reading: last, or first when the keys are flipped. */
  at: 'end' | 'start';
  /** The key's value on the tie's rows, as a cursor carries it (a number). */
  value: string;
  /** SQL true on the tie's rows. */
  is: string;
  /** SQL true on the other rows, as an index's range (not merely `not is`). */
  isNot: string;
  /** SQL ordering the other rows as the key does, the expression of that index. */
  order: string;
}

export interface KeysetSpec {
  /** Names the sort (e.g. `sku.asc`); a cursor of another sort is refused. */
  shape: string;
  /**
   * Sort keys, most significant first; the last one must be unique (the id). A list read by
   * its own SQL (keysetPageBy: a search by rank) may have keys whose `sql` it does not use.
   */
  keys: SortKey[];
  /**
   * The list's statement holds no value its plan depends on (no search words, no filter
   * values: the unfiltered items list), so its default-length pages run as named prepared
   * statements that PostgreSQL plans once per connection (fetchRows).
   */
  preparable?: boolean;
}

/**
 * Reads rows of a list itself (keysetPageBy): up to `req.limit + 1` rows after `req.offset`,
 * in `keys`' order (flipped for a "before" page) from `req.cursor` on, each with its keys as
 * text in `cursor_k0` … and, with `countCap`, the capped count in `total_count` (null only on a
 * first page that has no page after it).
 */
export type PageReader = (
  keys: SortKey[],
  req: PageRequest,
  countCap: number | undefined,
) => Promise<Record<string, unknown>[]>;

export { EXACT, type PageCount } from './keyset-count';

export interface PageRequest {
  limit: number;
  offset: number;
  cursor?: Cursor;
}

/** How far an exact count goes before it says "more than this" (countExact: false). */
export const COUNT_CAP = 1000;

const flip = (key: SortKey): SortKey => ({
  ...key,
  dir: key.dir === 'asc' ? 'desc' : 'asc',
  ...(key.tie && { tie: { ...key.tie, at: key.tie.at === 'end' ? 'start' : 'end' } }),
});
const op = (dir: 'asc' | 'desc') => (dir === 'asc' ? '>' : '<');
const b = (k: SortKey) => k.bindings ?? [];

// What PostgreSQL writes for each type (`::text`): a value of another form was not written by
// this API, and casting it back would fail inside the query (a 500) instead of here (a 400).
const KEY_FORMS: Record<SortKey['type'], RegExp> = {
  text: /^[^\0]*$/,
  bigint: /^[0-9]{1,18}$/,
  int: /^-?[0-9]{1,9}$/,
  numeric: /^-?[0-9]{1,20}(\.[0-9]{1,6})?$/,
  timestamptz:
    /^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?[+-][0-9]{2}(:[0-9]{2})?$/,
};

/** Whether `cursor` was made for this list's sort, with one well-formed value per key. */
export function cursorFits(spec: KeysetSpec, cursor: Cursor | undefined): boolean {
  return (
    !cursor ||
    (cursor.shape === spec.shape &&
      cursor.keys.length === spec.keys.length &&
      cursor.keys.every((value, i) => KEY_FORMS[spec.keys[i]!.type].test(value)))
  );
}

/** SQL (and bindings) for "comes after `values` in the keys' order". */
export function afterSql(keys: SortKey[], values: string[]): [string, Knex.RawBinding[]] {
  const cast = (i: number) => `?::${keys[i]!.type}`;
  if (keys.every((k) => k.dir === keys[0]!.dir)) {
    // One row comparison: a B-tree on the same columns serves it as an index range.
    const sql = `(${keys.map((k) => k.sql).join(', ')}) ${op(keys[0]!.dir)} (${keys.map((_, i) => cast(i)).join(', ')})`;
    return [sql, [...keys.flatMap(b), ...values]];
  }
  // Mixed directions: (a > x) or (a = x and b < y) or …
  const bindings: Knex.RawBinding[] = [];
  const terms = keys.map((key, i) => {
    const parts = keys.slice(0, i).map((k, j) => {
      bindings.push(...b(k), values[j]!);
      return `${k.sql} = ${cast(j)}`;
    });
    bindings.push(...b(key), values[i]!);
    parts.push(`${key.sql} ${op(key.dir)} ${cast(i)}`);
    return `(${parts.join(' and ')})`;
  });
  return [`(${terms.join(' or ')})`, bindings];
}

type KeyedRow = Record<string, unknown>;
const keysOf = (row: KeyedRow, n: number) =>
  Array.from({ length: n }, (_, i) => String(row[`cursor_k${i}`]));

async function fetchRows(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  keys: SortKey[],
  req: PageRequest,
  count: PageCount | undefined,
  preparable: boolean,
): Promise<KeyedRow[]> {
  const q = base.clone();
  keys.forEach((k, i) => void q.select(db.raw(`(${k.sql})::text as cursor_k${i}`, b(k))));
  const preparedFirst =
    preparable && !req.cursor && req.offset === 0 && req.limit === DEFAULT_PAGE_LIMIT;
  const terms =
    tieTerms(keys, req.cursor?.keys) ?? (req.cursor ? afterTerms(keys, req.cursor.keys) : []);
  if (terms.length > 1 || keys[0]!.tie) {
    // After a cursor, planned for its values each time: whether the cursor sits in a tie of
    // 75,000 rows or of one decides which index serves each term (keyset-split.ts). A first
    // page has no values: prepared, like the other sorts' first pages.
    const split = splitPage(db, q, terms, req);
    const page = count ? withCount(db, split, count) : split;
    const rows = preparedFirst ? await prepared<KeyedRow>(db, page) : ((await page) as KeyedRow[]);
    return rows.map(withoutSplitColumns);
  }
  if (req.cursor) {
    const [sql, bindings] = afterSql(keys, req.cursor.keys);
    void q.whereRaw(sql, bindings);
  }
  keys.forEach((k) => void q.orderByRaw(`${k.sql} ${k.dir}`, b(k)));
  const page = count ? withCount(db, q, count) : q;
  // A limit sent as a value is planned as unknown, so PostgreSQL re-plans a named statement
  // on every run (its generic plan looks dearer); written in, the generic plan is the custom
  // one and planning (half a page's database time) happens once per connection. Only the
  // default length: each length would be another statement on every connection.
  if (preparedFirst)
    return prepared<KeyedRow>(db, page.limit(req.limit + 1, { skipBinding: true }));
  return (await page.limit(req.limit + 1).offset(req.offset)) as KeyedRow[];
}

/** How many rows the list holds: exact up to a cap, then "more than the cap". */
type Counted = Pick<CursorPage, 'count' | 'countExact'>;

/** A page of rows and the cursors of the pages either side (null at either end). */
export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * One page of `base` (a filtered select without order or limit) in `spec`'s order, with the
 * cursors of the pages either side. A "before" page that reaches the start is the first page.
 * With `count`, also how many rows `count.filtered` holds up to `count.cap`, read in the same
 * statement (withCount); a page with no page either side holds every row and is its own count.
 * The overloads say so in the type: a page asked for with `count` always carries one.
 */
export function keysetPage<Row>(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  spec: KeysetSpec,
  req: PageRequest,
): Promise<KeysetPage<Row>>;
export function keysetPage<Row>(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  spec: KeysetSpec,
  req: PageRequest,
  count: PageCount,
): Promise<KeysetPage<Row> & { count: Counted }>;
export function keysetPage<Row>(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  spec: KeysetSpec,
  req: PageRequest,
  count?: PageCount,
): Promise<KeysetResult<Row>> {
  const preparable = spec.preparable === true;
  return pageBy(
    spec,
    req,
    (keys, r) => fetchRows(db, base, keys, r, count, preparable),
    count?.cap,
  );
}

export type KeysetResult<Row> = KeysetPage<Row> & { count?: Counted };

/**
 * keysetPage for a list that reads its rows with its own SQL (`read`, e.g. a search by rank):
 * the same cursors and counting. With `countCap`, `read` counts in its rows (total_count).
 */
export function keysetPageBy<Row>(
  spec: KeysetSpec,
  req: PageRequest,
  read: PageReader,
): Promise<KeysetPage<Row>>;
export function keysetPageBy<Row>(
  spec: KeysetSpec,
  req: PageRequest,
  read: PageReader,
  countCap: number,
): Promise<KeysetPage<Row> & { count: Counted }>;
export function keysetPageBy<Row>(
  spec: KeysetSpec,
  req: PageRequest,
  read: PageReader,
  countCap?: number,
): Promise<KeysetResult<Row>> {
  return pageBy(spec, req, read, countCap);
}

// The body behind both overloaded entries: the overloads only tell callers what they get.
async function pageBy<Row>(
  spec: KeysetSpec,
  req: PageRequest,
  read: PageReader,
  countCap: number | undefined,
): Promise<KeysetResult<Row>> {
  const n = spec.keys.length;
  const cursorAt = (direction: 'after' | 'before', row: KeyedRow | undefined) =>
    row ? encodeCursor({ shape: spec.shape, direction, keys: keysOf(row, n) }) : null;
  // A well-formed value can still be out of range (month 13): PostgreSQL's data exception
  // (class 22) on the cursor's values is the caller's bad cursor, not a server fault.
  const fetch = (keys: SortKey[]) =>
    read(keys, req, countCap).catch((e: unknown) => {
      if (req.cursor && pgCode(e)?.startsWith('22')) throw badCursor();
      throw e;
    });
  const counted = (
    page: KeyedRow[],
    cursors: { nextCursor: string | null; prevCursor: string | null },
  ): KeysetResult<Row> => {
    if (countCap === undefined) return { rows: page as Row[], ...cursors };
    if (cursors.nextCursor === null && cursors.prevCursor === null)
      return { rows: page as Row[], ...cursors, count: { count: page.length, countExact: true } };
    // A page with a page either side is not empty, and its statement counted (withCount).
    const total = Number(page[0]!.total_count);
    if (!Number.isFinite(total)) throw new Error(`the page of ${spec.shape} was not counted`);
    return {
      rows: page as Row[],
      ...cursors,
      count: { count: Math.min(total, countCap), countExact: total <= countCap },
    };
  };
  if (req.cursor?.direction === 'before') {
    const rows = await fetch(spec.keys.map(flip));
    if (rows.length > req.limit) {
      const page = rows.slice(0, req.limit).reverse();
      return counted(page, {
        nextCursor: cursorAt('after', page.at(-1)),
        prevCursor: cursorAt('before', page[0]),
      });
    }
    return pageBy(spec, { limit: req.limit, offset: 0 }, read, countCap);
  }
  const rows = await fetch(spec.keys);
  const page = rows.slice(0, req.limit);
  return counted(page, {
    nextCursor: rows.length > req.limit ? cursorAt('after', page.at(-1)) : null,
    prevCursor: req.cursor || req.offset > 0 ? cursorAt('before', page[0]) : null,
  });
}

/** Rows matching `filtered`, counted up to `cap` (COUNT_CAP): cheap at any table size. */
export async function cappedCount(
  db: DbOrTrx,
  filtered: Knex.QueryBuilder,
  cap = COUNT_CAP,
): Promise<Pick<CursorPage, 'count' | 'countExact'>> {
  const row = (await db
    .from(
      filtered
        .clearSelect()
        .select(db.raw('1'))
        .limit(cap + 1)
        .as('matches'),
    )
    .count<{ n: string }[]>({ n: '*' })
    .first()) as { n: string } | undefined;
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, cap), countExact: n <= cap };
}
