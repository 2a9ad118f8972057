import type { Knex } from 'knex';
import { ledgerTime } from '../../lib/ledger-time';

/** How many differences of each check are listed (all are counted). */
export const EXAMPLES = 20;

/**
 * Each check: a query of the rows that disagree, one `problem` text each. They run in one
 * REPEATABLE READ transaction, so every check sees the same moment of the books.
 */
export const CHECKS: { name: string; description: string; sql: string }[] = [
  {
    name: 'balances',
    description: 'Per item × location, the balance equals the sum of the ledger',
    sql: `with ledger as (
        select item_id, location_id, sum(q) as q from (
          select item_id, to_location_id as location_id, quantity as q from movements
           where to_location_id is not null
          union all
          select item_id, from_location_id, -quantity from movements
           where from_location_id is not null) e
        group by item_id, location_id)
      select format('item %s at location %s: balance %s, ledger %s',
                    coalesce(s.item_id, l.item_id), coalesce(s.location_id, l.location_id),
                    coalesce(s.quantity::text, 'none'), coalesce(l.q, 0)) as problem
        from stock_levels s full join ledger l
          on l.item_id = s.item_id and l.location_id = s.location_id
       where s.item_id is null or coalesce(s.quantity, 0) <> coalesce(l.q, 0)`,
  },
  {
    name: 'totals',
    description: "Per item, the total on hand equals the sum of the item's balances",
    sql: `select format('item %s: total %s, balances %s', coalesce(t.item_id, b.item_id),
                        coalesce(t.on_hand::text, 'none'), coalesce(b.q, 0)) as problem
        from item_totals t
        full join (select item_id, sum(quantity) as q from stock_levels group by item_id) b
          on b.item_id = t.item_id
       where coalesce(t.on_hand, 0) <> coalesce(b.q, 0)`,
  },
  {
    name: 'history',
    description:
      "No balance is negative at any moment of the ledger's history (ledger time, then id)",
    sql: `with e as (
        select item_id, to_location_id as location_id, quantity as q, ${ledgerTime('m')} as at, id
          from movements m where to_location_id is not null
        union all
        select item_id, from_location_id, -quantity, ${ledgerTime('m')}, id
          from movements m where from_location_id is not null
      ), r as (
        select item_id, location_id, at, id,
               sum(q) over (partition by item_id, location_id order by at, id) as running
          from e)
      select format('item %s at location %s: %s after movement %s (%s)', item_id, location_id,
                    running, id, at) as problem
        from r where running < 0`,
  },
  {
    name: 'rollups',
    description: "Per location and unit, the tree's roll-up (folded + pending) equals the balances",
    sql: `with rolled as (
        select location_id, unit, sum(q) as q, sum(l) as lines from (
          select location_id, e.unit, e.q::numeric as q, 0 as l
            from location_stock_totals, jsonb_each_text(quantities) as e(unit, q)
          union all select location_id, '', 0, lines from location_stock_totals
          union all select location_id, unit, quantity, 0 from location_stock_deltas
          union all select location_id, '', 0, lines from location_stock_deltas) u
        group by location_id, unit
      ), actual as (
        select s.location_id, i.unit, trunc(sum(s.quantity) * 1000) as q, 0 as lines
          from stock_levels s join items i on i.id = s.item_id
         where s.quantity > 0 group by s.location_id, i.unit
        union all
        select location_id, '', 0, count(*) from stock_levels where quantity > 0
         group by location_id)
      select format('location %s %s: rolled up %s, balances %s', coalesce(r.location_id, a.location_id),
                    case when coalesce(r.unit, a.unit) = '' then 'stock lines'
                         else 'unit ' || coalesce(r.unit, a.unit) || ' (thousandths)' end,
                    case when coalesce(r.unit, a.unit) = '' then coalesce(r.lines, 0) else coalesce(r.q, 0) end,
                    case when coalesce(r.unit, a.unit) = '' then coalesce(a.lines, 0) else coalesce(a.q, 0) end)
               as problem
        from rolled r full join actual a on a.location_id = r.location_id and a.unit = r.unit
       where coalesce(r.q, 0) <> coalesce(a.q, 0) or coalesce(r.lines, 0) <> coalesce(a.lines, 0)`,
  },
  {
    name: 'items',
    description:
      'Per archive state, the number of items the list reports (item_counts and its unfolded deltas) equals the items',
    sql: `select format('%s items: stored %s, counted %s',
                        case when s.archived then 'archived' else 'active' end,
                        coalesce((c.items + coalesce(d.n, 0))::text, 'none'), coalesce(n.n, 0))
               as problem
        from (values (false), (true)) s(archived)
        left join item_counts c using (archived)
        left join (select archived, sum(items) as n from item_count_deltas group by 1) d
          using (archived)
        left join (select archived_at is not null as archived, count(*) as n from items group by 1) n
          using (archived)
       where c.items + coalesce(d.n, 0) is distinct from coalesce(n.n, 0)`,
  },
];

export interface CheckResult {
  name: string;
  description: string;
  differences: number;
  examples: string[];
}

export async function runCheck(
  trx: Knex.Transaction,
  check: (typeof CHECKS)[number],
): Promise<CheckResult> {
  const { rows } = await trx.raw<{ rows: { n: string; examples: string[] | null }[] }>(
    `select count(*) as n, (array_agg(problem order by problem))[1:${EXAMPLES}] as examples
       from (${check.sql}) p`,
  );
  return {
    name: check.name,
    description: check.description,
    differences: Number(rows[0]!.n),
    examples: rows[0]!.examples ?? [],
  };
}

/** Only one reconciliation at a time, on any replica: it reads the whole ledger. */
export async function tryLock(trx: Knex.Transaction): Promise<boolean> {
  const { rows } = await trx.raw<{ rows: { ok: boolean }[] }>(
    `select pg_try_advisory_xact_lock(hashtext('stockroom.reconciliation')) as ok`,
  );
  return rows[0]!.ok;
}

export async function counts(trx: Knex.Transaction) {
  const { rows } = await trx.raw<{
    rows: { movements: string; balances: string; items: string; locations: string }[];
  }>(
    `select (select count(*) from movements) as movements,
            (select count(*) from stock_levels) as balances,
            (select count(*) from item_totals) as items,
            (select count(*) from locations) as locations`,
  );
  const r = rows[0]!;
  return {
    movements: Number(r.movements),
    balances: Number(r.balances),
    items: Number(r.items),
    locations: Number(r.locations),
  };
}

/**
 * Every check as one plain statement for psql (`-At`): one line per check,
 * `name|differences|first difference`. The backup verification runs it in its scratch database
 * (restored as the administrative role, which the API's role cannot read), so the checks are
 * written once, here.
 */
export function checksAsOneStatement(): string {
  return `${CHECKS.map(
    (c) => `select '${c.name}' as name, count(*) as differences,
       coalesce(min(problem), '') as first from (${c.sql}) p_${c.name}`,
  ).join('\nunion all\n')};`;
}
