import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';

// How many items are in each archive state: item_counts plus the deltas the writing statements
// appended and the fold has not added in yet (migrations 20261207100000–100200). Read in one
// statement, the two agree in every snapshot: the fold moves deltas into item_counts in one
// transaction.

const stateSql = (archived: boolean) =>
  `select c.items + coalesce((select sum(d.items) from item_count_deltas d
                              where d.archived = ${archived}), 0)
   from item_counts c where c.archived = ${archived}`;

/** Scalar subqueries of the number of items per archive filter, for a page's select list. */
export const COUNT_SQL = {
  active: stateSql(false),
  archived: stateSql(true),
  all: `select (select sum(items) from item_counts)
               + coalesce((select sum(items) from item_count_deltas), 0)`,
} as const;

/** How many items are active (not archived), from the stored figures: exact, at any size. */
export async function activeCount(db: DbOrTrx): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(`select (${COUNT_SQL.active}) as n`);
  return Number(rows[0]!.n);
}

/** Whether a fold has anything to do. One read, so an idle round opens no transaction. */
export async function foldPending(db: DbOrTrx): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { pending: boolean }[] }>(
    'select exists (select 1 from item_count_deltas) as pending',
  );
  return rows[0]!.pending;
}

/**
 * Adds the committed deltas into item_counts and removes them, in the caller's transaction.
 * Another replica's fold at the same moment waits on the rows this one deletes and then finds
 * them gone, so each delta is added once. Returns how many were folded.
 */
export async function foldDeltas(trx: Knex.Transaction): Promise<number> {
  const { rows } = await trx.raw<{ rows: { folded: string }[] }>(
    `with folded as (delete from item_count_deltas returning archived, items),
          sums as (select archived, sum(items) as items from folded group by archived),
          written as (
            update item_counts c set items = c.items + s.items
            from sums s where c.archived = s.archived and s.items <> 0)
     select count(*) as folded from folded`,
  );
  return Number(rows[0]!.folded);
}
