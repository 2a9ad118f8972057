import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import type { PageRequest } from './keyset';

// A list's capped count read in its page's statement (keyset.ts keysetPage with `count`).

/**
 * What the list counts beside its page: the filtered rows, up to `cap` (cappedCount), or
 * `stored`, a scalar subquery of an exact count a table keeps (e.g. item_counts). A stored
 * count costs the same at any size, so it is reported whole: its cap is `EXACT`.
 */
export type PageCount =
  | { filtered: Knex.QueryBuilder; cap: number; stored?: never }
  | { stored: Knex.Raw; cap: typeof EXACT; filtered?: never };

/** The cap of a count that is never cut short ("100,000 items", not "more than 1,000"). */
export const EXACT = Number.POSITIVE_INFINITY;

export const firstPage = (req: PageRequest) => !req.cursor && req.offset === 0;

/** The capped count as a scalar subquery: `(select count(*) from (… limit cap + 1))`. */
const countQuery = (db: DbOrTrx, count: PageCount & { filtered: Knex.QueryBuilder }) =>
  db
    .from(
      count.filtered
        .clone()
        .clearSelect()
        .select(db.raw('1'))
        .limit(count.cap + 1)
        .as('matches'),
    )
    .count({ n: '*' });

/**
 * The page with its list's capped count as column `total_count`, in the page's own statement:
 * one round trip instead of two (issue 12: each statement is a loopback write and a wake-up of
 * a PostgreSQL backend). An uncorrelated subquery in the select list runs once, at the first
 * row, so an empty page does not count. (A search counts in its own statement, and on a first
 * page only when the page is full: items-search.repository.ts.)
 */
export function withCount(
  db: DbOrTrx,
  page: Knex.QueryBuilder,
  count: PageCount,
): Knex.QueryBuilder {
  if (count.stored) return page.select(db.raw('(?) as total_count', [count.stored]));
  return page.select(countQuery(db, count).as('total_count'));
}
