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
 * one round trip instead of two (issue 12, every statement is a loopback write and a wake-up of
 * a PostgreSQL backend). The count is a subquery PostgreSQL runs once, and only when needed:
 * a page after a cursor counts whenever it has a row (an uncorrelated subquery in the select
 * list runs at the first row); a first page only when it has more rows than the page, since one
 * that holds every match is its own exact count (keysetPage) and a search's count is a trigram
 * bitmap over every match. That needs the page's length, so a first page is a CTE read back in
 * its keys' order (`order`; a CTE's order is not promised without an ORDER BY).
 */
export function withCount(
  db: DbOrTrx,
  page: Knex.QueryBuilder,
  order: { column: string; dir: 'asc' | 'desc' }[],
  req: PageRequest,
  count: PageCount,
): Knex.QueryBuilder {
  if (!firstPage(req)) return page.select(countQuery(db, count).as('total_count'));
  const outer = db
    .with('page', page)
    .from('page')
    .select(
      'page.*',
      db.raw('case when (select count(*) from page) > ? then (?) end as total_count', [
        req.limit,
        countQuery(db, count),
      ]),
    );
  order.forEach(({ column, dir }) => void outer.orderBy(column, dir));
  return outer;
}
