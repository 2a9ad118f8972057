import type { Knex } from 'knex';
import { type CtePart, withParts } from '../../lib/cte';
import { lastCountPart } from '../verification/verification.service';
import type { PlanCounts } from './imports.plan';

// Step 4: the writes, set-based, from the plan's temporary tables, inside the commit's one
// transaction. Balances, item totals and the location roll-ups' deltas are derived from the
// same movements in the same transaction, so balances still equal the ledger
// (docs/decisions/0027; the seed does the same in bulk, decision 0025).

export interface ApplyInput {
  id: number;
  stockAs: 'count' | 'receive';
  defaultUnit: string;
  reference: string;
  createdBy: number | null;
  createdByTokenId: number | null;
}

const rowCount = (r: { rowCount: number }) => r.rowCount;
type Result = { rowCount: number };

/**
 * Which stock rows post a movement, given the balance before: a count posts the difference,
 * a receipt any positive quantity. One definition for the ledger rows and the new items'
 * opening totals, so the two cannot disagree.
 */
const posts = (stockAs: 'count' | 'receive', q: string, before: string) =>
  stockAs === 'count' ? `${q} <> ${before}` : `${q} > 0`;

export async function applyItems(
  trx: Knex.Transaction,
  defaultUnit: string,
  stockAs: 'count' | 'receive',
) {
  // A new item's total is its opening stock: written with the item, in the same statement,
  // so no second pass updates 100,000 fresh rows (each update of a row this transaction
  // inserted re-runs its foreign-key check). items_totals_made then finds the row there.
  const created = await trx.raw<Result>(
    `with ins as (
       insert into items (sku, name, description, unit, barcode, reorder_point, category)
       select sku, name, description, coalesce(unit, ?), barcode, reorder_point, category
       from imp_item where item_id is null order by k
       returning id, lower(sku) as k, reorder_point),
     opening as (
       select k, sum(q) as q from imp_stock where ${posts(stockAs, 'q', '0')} group by k),
     totals as (
       insert into item_totals (item_id, on_hand, reorder_point)
       select ins.id, coalesce(o.q, 0), ins.reorder_point
       from ins left join opening o on o.k = ins.k order by ins.id)
     update imp_item t set item_id = ins.id, created = true from ins where t.k = ins.k`,
    [defaultUnit],
  );
  const updated = await trx.raw<Result>(
    `update items i set name = coalesce(t.name, i.name),
            description = coalesce(t.description, i.description),
            unit = coalesce(t.unit, i.unit), barcode = coalesce(t.barcode, i.barcode),
            reorder_point = coalesce(t.reorder_point, i.reorder_point),
            category = coalesce(t.category, i.category), updated_at = now()
     from imp_item t where t.item_id = i.id and t.changed`,
  );
  return { created: rowCount(created), updated: rowCount(updated) };
}

/** Parents first: one statement per depth of the paths. */
export async function applyLocations(trx: Knex.Transaction): Promise<number> {
  const { rows } = await trx.raw<{ rows: { d: number | null }[] }>(
    'select max(depth) as d from imp_loc where loc_id is null',
  );
  let created = 0;
  for (let depth = 1; depth <= (rows[0]?.d ?? 0); depth++) {
    const r = await trx.raw<Result>(
      `with ins as (
         insert into locations (code, name, parent_id)
         select t.code, t.name, p.id from imp_loc t
         left join locations p on lower(p.code) = lower(t.parent_code)
         where t.depth = ? and t.loc_id is null
         order by t.lk
         returning id, lower(code) as lk)
       update imp_loc t set loc_id = ins.id from ins where t.lk = ins.lk`,
      [depth],
    );
    created += rowCount(r);
  }
  // Fresh statistics: the stock statement joins these by key, and the planner must not take
  // them for the empty tables they were.
  await trx.raw('analyze imp_item, imp_loc');
  return created;
}

/**
 * Whether the planner would take `movements` for (nearly) empty while this import fills it.
 * After a dry run on a ledger with no live movement and a vacuum, reltuples is 0 over the
 * pages the vacuum kept, and a density of 0 stays 0 however many pages the table grows to:
 * last_counts' per-row foreign-key check was then planned on movements_effective_at (`id`
 * not leading) and walked the whole index for every row (decision 0033, amended (3)).
 * -1 (never analyzed) is not a case: the planner then estimates from the table's real size.
 */
async function movementsUnderestimated(trx: Knex.Transaction, adding: number) {
  const { rows } = await trx.raw<{ rows: { n: number }[] }>(
    `select reltuples::float8 as n from pg_class where oid = 'movements'::regclass`,
  );
  const n = rows[0]!.n;
  return n >= 0 && n < adding;
}

/** The ledger rows of imp_mv; a count's also in last_counts (docs/decisions/0031). */
async function post(trx: Knex.Transaction, input: ApplyInput, lines: number): Promise<number> {
  const count = input.stockAs === 'count';
  const insert = `insert into movements (kind, item_id, from_location_id, to_location_id, quantity,
              delta, counted_quantity, reference, created_by, created_by_token_id)
            select ?, item_id,
                   case when change < 0 then location_id end,
                   case when change > 0 then location_id end,
                   abs(change), ${count ? 'change' : 'null'}, ${count ? 'q' : 'null'}, ?, ?, ?
            from imp_mv order by item_id, location_id
            returning *`;
  const posted: CtePart = {
    name: 'posted',
    sql: insert,
    bindings: [
      count ? 'count' : 'receive',
      input.reference,
      input.createdBy,
      input.createdByTokenId,
    ],
  };
  const n = (r: unknown) => (r as { rows: { n: number }[] }).rows[0]!.n;
  // No vacuum or ANALYZE of movements until the commit ends: one during the insert would
  // set reltuples to 0 (it does not count this transaction's rows) after the test below had
  // passed; seen after a dry run (its dead rows draw autovacuum). Posts are not blocked.
  if (count) await trx.raw('lock table movements in share update exclusive mode');
  if (!count || !(await movementsUnderestimated(trx, lines))) {
    // One statement: last_counts learns a count by the part the movement post uses.
    const parts = count ? [posted, lastCountPart('posted')] : [posted];
    return n(await withParts(trx, parts, 'select count(*)::int as n from posted'));
  }
  // The ledger first, then statistics that count this transaction's own rows (ANALYZE does),
  // then last_counts: its foreign-key checks are planned on them, by the primary key. The
  // same locks and transaction: still all or nothing; a populated ledger never comes here.
  await trx.raw('create temp table imp_posted (like movements) on commit drop');
  const kept: CtePart = {
    name: 'kept',
    sql: 'insert into imp_posted select * from posted',
    bindings: [],
  };
  const written = n(await withParts(trx, [posted, kept], 'select count(*)::int as n from posted'));
  await trx.raw('analyze movements');
  await withParts(trx, [lastCountPart('imp_posted')], 'select 1');
  return written;
}

/** Movements, balances, totals and roll-up deltas of the stock lines. */
export async function applyStock(trx: Knex.Transaction, input: ApplyInput): Promise<number> {
  const count = input.stockAs === 'count';
  // In key order, so every insert below walks its indexes in order.
  const lines = await trx.raw<Result>(
    `create temp table imp_mv on commit drop as
     select t.item_id, l.loc_id as location_id, i.unit, coalesce(sl.quantity, 0) as before,
            ${count ? 's.q' : 'coalesce(sl.quantity, 0) + s.q'} as after,
            ${count ? 's.q - coalesce(sl.quantity, 0)' : 's.q'} as change, s.q,
            sl.item_id is not null as has_level, t.created
     from imp_stock s
     join imp_item t on t.k = s.k
     join items i on i.id = t.item_id
     join imp_loc l on l.lk = s.lk
     left join stock_levels sl on sl.item_id = t.item_id and sl.location_id = l.loc_id
     where ${posts(input.stockAs, 's.q', 'coalesce(sl.quantity, 0)')}
     order by t.item_id, l.loc_id`,
  );
  // Balances before the ledger rows: last_counts (below) references its balance row. New
  // item × location rows are inserted, not upserted: the import holds stock_levels in
  // EXCLUSIVE mode, so no other transaction can add one meanwhile.
  await trx.raw(
    `insert into stock_levels (item_id, location_id, quantity)
     select item_id, location_id, after from imp_mv where not has_level`,
  );
  await trx.raw(
    `update stock_levels sl set quantity = m.after, updated_at = now()
     from imp_mv m where m.has_level and sl.item_id = m.item_id and sl.location_id = m.location_id`,
  );
  const posted = await post(trx, input, lines.rowCount);
  // New items got their totals with the item (applyItems); only the others change here.
  await trx.raw(
    `update item_totals t set on_hand = t.on_hand + d.change
     from (select item_id, sum(change) as change from imp_mv where not created group by item_id) d
     where t.item_id = d.item_id`,
  );
  // One delta per location and unit, not per line: the roll-ups only ever add them up.
  await trx.raw(
    `insert into location_stock_deltas (location_id, unit, quantity, lines)
     select location_id, unit, sum((change * 1000)::bigint),
            sum(case when before = 0 and after > 0 then 1 when before > 0 and after = 0 then -1 else 0 end)
     from imp_mv group by location_id, unit
     having sum((change * 1000)::bigint) <> 0
         or sum(case when before = 0 and after > 0 then 1 when before > 0 and after = 0 then -1 else 0 end) <> 0`,
  );
  return posted;
}

export async function apply(trx: Knex.Transaction, input: ApplyInput): Promise<PlanCounts> {
  const items = await applyItems(trx, input.defaultUnit, input.stockAs);
  const locations = await applyLocations(trx);
  const movements = await applyStock(trx, input);
  const { rows } = await trx.raw<{ rows: { n: string }[] }>(
    'select count(*) as n from imp_item where not created and not changed',
  );
  return {
    itemsToCreate: items.created,
    itemsToUpdate: items.updated,
    itemsUnchanged: Number(rows[0]!.n),
    locationsToCreate: locations,
    movements,
  };
}
