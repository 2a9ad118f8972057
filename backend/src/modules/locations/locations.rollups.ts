import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import type { CtePart } from '../../lib/cte';
import { prepared } from '../../lib/prepared';

/** What one movement changed at one location, in the item's unit. */
export interface StockDelta {
  locationId: number;
  unit: string;
  /** Thousandths, signed. */
  quantity: bigint;
  /** +1 when a balance became positive, -1 when it dropped to zero, else 0. */
  lines: -1 | 0 | 1;
}

/**
 * The movement path's one addition for the roll-ups (docs/decisions/0023): appends its
 * changes, as a part of the movement's write statement. An insert takes no lock another
 * movement waits for, so movements at the same location never queue behind a shared row.
 */
export function stockDeltasPart(deltas: readonly StockDelta[]): CtePart {
  return {
    name: 'loc_deltas',
    sql: `insert into location_stock_deltas (location_id, unit, quantity, lines)
          values ${deltas.map(() => '(?::bigint, ?, ?::bigint, ?::smallint)').join(', ')}`,
    bindings: deltas.flatMap((d) => [d.locationId, d.unit, d.quantity.toString(), d.lines]),
  };
}

export interface TreeRow {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  archived_at: Date | null;
  /** Folded: stock lines held here, and thousandths per unit ({"kg": "12500"}). */
  lines: string | null;
  quantities: Record<string, string> | null;
  /** Not folded yet: [unit, thousandths, lines] per movement's change here. */
  pending: [string, string, number][] | null;
}

/**
 * Every location (siblings' order: lower(code)) with its folded totals and the deltas not yet
 * folded, in one statement: one snapshot sees each movement either folded or pending, never
 * both or neither, whenever the fold commits.
 */
export function treeRows(db: DbOrTrx): Promise<TreeRow[]> {
  return prepared<TreeRow>(
    db,
    db.raw(
      `select l.id, l.code, l.name, l.parent_id, l.archived_at, t.lines, t.quantities, d.pending
       from locations l
       left join location_stock_totals t on t.location_id = l.id
       left join (select location_id, json_agg(json_build_array(unit, quantity::text, lines)) as pending
                  from location_stock_deltas group by location_id) d on d.location_id = l.id
       order by lower(l.code)`,
    ),
  );
}

/**
 * Stock lines everywhere (balances above zero): the folded figures plus the pending deltas, in
 * one statement, so one snapshot sees each movement once. A row per location and per pending
 * delta, where counting stock_levels read every balance (58 ms at 300,000).
 */
export async function stockLinesTotal(db: DbOrTrx): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    `select (select coalesce(sum(lines), 0) from location_stock_totals)
          + (select coalesce(sum(lines), 0) from location_stock_deltas) as n`,
  );
  return Number(rows[0]!.n);
}

/** Stock lines at one place itself (not below it), from the roll-ups, in one snapshot. */
export async function stockLinesAt(db: DbOrTrx, locationId: number): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    `select coalesce((select lines from location_stock_totals where location_id = ?), 0)
          + coalesce((select sum(lines) from location_stock_deltas where location_id = ?), 0) as n`,
    [locationId, locationId],
  );
  return Number(rows[0]!.n);
}

// One writer of location_stock_totals at a time, on any replica.
const WRITER_LOCK = `hashtext('location_stock_totals')`;

// A removal older than this is pruned; the fold's read and its prune use the same rule, or the
// read could skip a round with a prune due.
const REMOVAL_EXPIRED = `removed_at < now() - interval '1 day'`;

/** Whether a fold has anything to do: deltas to fold or removals past their day. One read. */
export async function foldPending(db: DbOrTrx): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { pending: boolean }[] }>(
    `select exists (select 1 from location_stock_deltas)
         or exists (select 1 from location_tree_removals where ${REMOVAL_EXPIRED})
       as pending`,
  );
  return rows[0]!.pending;
}

/**
 * Folds the deltas committed so far into the totals; deltas of movements still in flight are
 * not visible to the delete and stay for the next round. Each touched location's row is
 * replaced by its old figures plus its changes. Returns how many deltas were folded, or null
 * when another replica is folding.
 */
export async function foldDeltas(trx: Knex.Transaction): Promise<number | null> {
  const { rows: lock } = await trx.raw<{ rows: { ok: boolean }[] }>(
    `select pg_try_advisory_xact_lock(${WRITER_LOCK}) as ok`,
  );
  if (!lock[0]?.ok) return null;
  const { rows } = await trx.raw<{ rows: { folded: string }[] }>(
    `with folded as (delete from location_stock_deltas returning location_id, unit, quantity, lines),
          touched as (select location_id, sum(lines) as lines, count(*) as n from folded group by location_id),
          entries as (
            select t.location_id, e.key as unit, e.value::numeric as quantity
            from location_stock_totals t join touched using (location_id)
            cross join jsonb_each_text(t.quantities) e
            union all
            select location_id, unit, quantity from folded),
          per_unit as (
            select location_id, jsonb_object_agg(unit, quantity::text) as quantities
            from (select location_id, unit, sum(quantity) as quantity from entries
                  group by location_id, unit having sum(quantity) <> 0) u
            group by location_id),
          written as (
            insert into location_stock_totals (location_id, lines, quantities)
            select c.location_id, coalesce(t.lines, 0) + c.lines, coalesce(u.quantities, '{}')
            from touched c
            left join location_stock_totals t using (location_id)
            left join per_unit u using (location_id)
            on conflict (location_id) do update
              set lines = excluded.lines, quantities = excluded.quantities)
     select coalesce(sum(n), 0) as folded from touched`,
  );
  // Removals (tree caches read them to see deletes) are kept a day; a cache older than the
  // pruned ones reads everything (full_read_xid). The version row is touched only when some
  // went, as the transaction's last statement.
  await trx.raw(
    `with gone as (delete from location_tree_removals where ${REMOVAL_EXPIRED}
                   returning 1)
     update location_tree_version set full_read_xid = pg_current_xact_id()
     where exists (select 1 from gone)`,
  );
  return Number(rows[0]?.folded ?? 0);
}

/**
 * Recomputes the totals from the balances (after rows were written without movements: the
 * seed, or a replica of an older version). Locks the deltas against inserts first, so a
 * movement either committed before the read (and is in the balances) or appends its delta
 * after it (and is added on top).
 */
export async function rebuild(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(${WRITER_LOCK})`);
  await trx.raw('lock table location_stock_deltas in exclusive mode');
  await trx.raw('delete from location_stock_deltas');
  await trx.raw('delete from location_stock_totals');
  await trx.raw(
    `insert into location_stock_totals (location_id, lines, quantities)
     select location_id, sum(lines), jsonb_object_agg(unit, trunc(quantity * 1000)::text)
     from (select s.location_id, i.unit, sum(s.quantity) as quantity, count(*) as lines
           from stock_levels s join items i on i.id = s.item_id
           where s.quantity > 0
           group by s.location_id, i.unit) u
     group by location_id`,
  );
  // Every row changed: tree caches read everything rather than 10,000 removals.
  await trx.raw('delete from location_tree_removals where tree_xid = pg_current_xact_id()');
  await trx.raw('update location_tree_version set full_read_xid = pg_current_xact_id()');
}
