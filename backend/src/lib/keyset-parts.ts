import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import { afterSql, type PageRequest, type SortKey } from './keyset';

// A ranked list (a search: exact match, then prefix, then the rest) read part by part. Sorting
// every match by a computed rank reads all of them before the first row comes out; here each
// rank is its own condition, read in the list's key order with a LIMIT, so each part is an
// index range (or a small bitmap) that stops at the page's end.

/** One rank: rows meeting `sql` (and none of the ranks before it). */
export interface KeysetPart {
  sql: string;
  bindings: Knex.RawBinding[];
}

type Row = Record<string, unknown>;
const b = (k: SortKey) => k.bindings ?? [];

/** Part `i`'s rows after the cursor (if it points into this part), in the keys' order. */
function partQuery(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  part: { i: number; sql: string; bindings: Knex.RawBinding[] },
  keys: SortKey[],
  after: string[] | undefined,
  limit: number,
): Knex.QueryBuilder {
  const q = base.clone().whereRaw(part.sql, part.bindings);
  void q.select(db.raw(`${part.i}::int as cursor_k0`));
  keys.forEach((k, j) => {
    // The key as text for the cursor, and as itself for ordering the union of parts.
    void q.select(db.raw(`(${k.sql})::text as cursor_k${j + 1}`, b(k)));
    void q.select(db.raw(`${k.sql} as sort_k${j + 1}`, b(k)));
  });
  if (after) {
    const [sql, bindings] = afterSql(keys, after);
    void q.whereRaw(sql, bindings);
  }
  keys.forEach((k) => void q.orderByRaw(`${k.sql} ${k.dir}`, b(k)));
  return q.limit(limit);
}

/**
 * Up to `req.limit + 1` rows (after `req.offset`) of `parts` in rank order (`rank.dir`), each
 * part in `keys` order. A cursor's first value is its row's rank: earlier ranks are skipped,
 * its own rank continues after the cursor's keys, later ranks start at their beginning — so a
 * page that crosses from one rank into the next neither skips nor repeats a row.
 *
 * All ranks are read in one statement, a UNION ALL whose branches are each limited, so each
 * stays small: the last rank ("everything else", often most of the matches) is the plain
 * filtered list in key order, which the planner serves by walking the key's index until the
 * page is full, like a list without a search. One statement rather than the earlier ranks first
 * and the rest only when they fell short: a search's first page almost never fills from exact
 * and prefix matches alone, and each statement is a round trip and a plan (decision 0022).
 */
export async function fetchParts(
  db: DbOrTrx,
  base: Knex.QueryBuilder,
  parts: KeysetPart[],
  rank: SortKey,
  keys: SortKey[],
  req: PageRequest,
  /** Wraps the statement before it is sent (keyset.ts adds the list's count). */
  wrap: (page: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<Row[]> {
  const at = req.cursor ? Number(req.cursor.keys[0]) : undefined;
  const wanted = req.limit + 1 + req.offset;
  const order = parts.map((p, i) => ({ ...p, i }));
  if (rank.dir === 'desc') order.reverse();
  const open = order.filter(
    ({ i }) => at === undefined || (rank.dir === 'asc' ? i >= at : i <= at),
  );
  const query = (p: (typeof open)[number], limit: number) =>
    partQuery(db, base, p, keys, p.i === at ? req.cursor!.keys.slice(1) : undefined, limit);

  // A cursor past the last rank is a position after every match.
  if (open.length === 0) return [];
  const union = db
    .select('*')
    .from(
      db
        .queryBuilder()
        .unionAll(
          open.map((p) => query(p, wanted)),
          true,
        )
        .as('parts'),
    )
    .orderBy('cursor_k0', rank.dir);
  keys.forEach((k, j) => void union.orderBy(`sort_k${j + 1}`, k.dir));
  const rows = (await wrap(union.limit(wanted))) as Row[];
  return rows.slice(req.offset);
}
