import type { DbOrTrx } from '../../src/lib/db';

/**
 * The ledger's reconciliation invariants over the whole database (as scripts/drills/
 * ledger-check.mjs checks a stack): every balance row equals the ledger's sum for its item and
 * location and every non-zero sum has a balance row, every total equals the sum of its item's
 * balances and the other way round, nothing is negative, and running balances in ledger
 * order never dip below zero. Returns the problems found (none = reconciled).
 */
export async function ledgerProblems(db: DbOrTrx): Promise<string[]> {
  const { rows } = await db.raw<{ rows: { problem: string }[] }>(`
    with ledger as (
      select id, item_id, to_location_id as location_id, quantity as q from movements
       where to_location_id is not null
      union all
      select id, item_id, from_location_id, -quantity from movements where from_location_id is not null
    ), sums as (
      select item_id, location_id, sum(q) as q from ledger group by item_id, location_id
    ), running as (
      select item_id, location_id,
             sum(q) over (partition by item_id, location_id order by id) as q from ledger
    )
    select format('item %s location %s: balance %s, ledger %s', coalesce(s.item_id, l.item_id),
                  coalesce(s.location_id, l.location_id), s.quantity, l.q) as problem
      from stock_levels s full join sums l on l.item_id = s.item_id and l.location_id = s.location_id
     where coalesce(s.quantity, 0) <> coalesce(l.q, 0)
    union all
    select format('item %s: total %s, balances %s', coalesce(t.item_id, b.item_id), t.on_hand, b.q)
      from item_totals t
      full join (select item_id, sum(quantity) as q from stock_levels group by item_id) b
        on b.item_id = t.item_id
     where coalesce(t.on_hand, 0) <> coalesce(b.q, 0)
    union all
    select format('item %s location %s: negative balance %s', item_id, location_id, quantity)
      from stock_levels where quantity < 0
    union all
    select format('item %s: negative total %s', item_id, on_hand) from item_totals where on_hand < 0
    union all
    (select format('item %s location %s: running balance dips to %s', item_id, location_id, q)
       from running where q < 0 limit 1)
  `);
  return rows.map((r) => r.problem);
}
