import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import type { PageRequest } from './keyset';

// A list's capped count read in its page's statement (keyset.ts keysetPage with `count`).

/** What the list counts beside its page: the filtered rows, up to `cap` (cappedCount). */
export interface PageCount {
  filtered: Knex.QueryBuilder;
  cap: number;
  /**
   * Dear even when few rows match (a search: a trigram bitmap over every match), so not read
   * with a first page, which may hold every match and so need no count (withCount).
   */
  dear?: boolean;
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
 * row, so an empty page does not count. A `dear` count is left out of a first page (keysetPage
 * then sends it on its own, and only when there is a page after): a first page that holds every
 * match is its own count, and sparing that count is what keeps a scanner's lookup cheap. A
 * first page as a CTE that counts only when it is full was tried and cost PostgreSQL more than
 * the two statements (docs/performance.md).
 */
export function withCount(
  db: DbOrTrx,
  page: Knex.QueryBuilder,
  req: PageRequest,
  count: PageCount,
): Knex.QueryBuilder {
  if (count.dear && firstPage(req)) return page;
  return page.select(countQuery(db, count).as('total_count'));
}
