import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import type { PageRequest } from './keyset';

// A list's capped count read in its page's statement (keyset.ts keysetPage with `count`).

/** What the list counts beside its page: the filtered rows, up to `cap` (cappedCount). */
export interface PageCount {
  filtered: Knex.QueryBuilder;
  cap: number;
}

export const firstPage = (req: PageRequest) => !req.cursor && req.offset === 0;

/** The capped count as a scalar subquery: `(select count(*) from (… limit cap + 1))`. */
const countQuery = (db: DbOrTrx, count: PageCount) =>
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
  return page.select(countQuery(db, count).as('total_count'));
}
