import type { Knex } from 'knex';
import type { ImportRow } from './imports.repository';
import type { ImportCounts } from './imports.schemas';

// Step 3: what the ok lines mean, as temporary tables (dropped at commit or rollback) that
// the preview counts and the commit writes from (docs/decisions/0027).

const changed = (t: string, i: string) =>
  ['name', 'description', 'unit', 'barcode', 'reorder_point', 'category']
    .map((c) => `(${t}.${c} is not null and ${t}.${c} is distinct from ${i}.${c})`)
    .join(' or ');

export interface PlanCounts {
  itemsToCreate: number;
  itemsToUpdate: number;
  itemsUnchanged: number;
  locationsToCreate: number;
  movements: number;
}

/**
 * imp_item: one row per SKU (its first ok line's fields; null = keep what the item has),
 * imp_loc: every location code the paths need, with its parent's code and depth,
 * imp_stock: the quantity per SKU and location.
 */
export async function plan(
  trx: Knex.Transaction,
  id: number,
  stockAs: 'count' | 'receive',
): Promise<PlanCounts> {
  await trx.raw(`drop table if exists imp_item, imp_loc, imp_stock`);
  await trx.raw(
    `create temp table imp_item on commit drop as
     select distinct on (lower(l.sku) collate "C") lower(l.sku) as k, l.sku, l.name, l.description, l.unit,
            l.barcode, l.reorder_point, l.category, i.id as item_id, false as created,
            i.id is not null and (${changed('l', 'i')}) as changed
     from import_lines l left join items i on lower(i.sku) = lower(l.sku)
     where l.import_id = ? and l.ok
     order by lower(l.sku) collate "C", l.line`,
    [id],
  );
  await trx.raw(`alter table imp_item add primary key (k)`);
  await trx.raw(
    `create temp table imp_loc on commit drop as
     select distinct on (lower(p.code)) p.code, lower(p.code) as lk, p.depth, p.name,
            nullif(array_to_string(parts[1:p.depth - 1], '/'), '') as parent_code,
            (select x.id from locations x where lower(x.code) = lower(p.code)) as loc_id
     from (select distinct location, string_to_array(location, '/') as parts from import_lines
           where import_id = ? and ok and location is not null) l
     cross join lateral (select n as depth, array_to_string(l.parts[1:n], '/') as code,
                                l.parts[n] as name
                         from generate_series(1, cardinality(l.parts)) n) p
     order by lower(p.code), p.depth`,
    [id],
  );
  await trx.raw(
    `create temp table imp_stock on commit drop as
     select lower(sku) as k, lower(location) as lk, quantity as q from import_lines
     where import_id = ? and ok and quantity is not null and location is not null`,
    [id],
  );
  await trx.raw('alter table imp_loc add primary key (lk)');
  await trx.raw('analyze imp_item, imp_loc, imp_stock');
  const { rows } = await trx.raw<{ rows: Record<keyof PlanCounts, string>[] }>(
    `select (select count(*) from imp_item where item_id is null) as "itemsToCreate",
            (select count(*) from imp_item where changed) as "itemsToUpdate",
            (select count(*) from imp_item where item_id is not null and not changed) as "itemsUnchanged",
            (select count(*) from imp_loc where loc_id is null) as "locationsToCreate",
            (select count(*) from imp_stock s
             join imp_item t on t.k = s.k
             join imp_loc loc on loc.lk = s.lk
             left join stock_levels sl on sl.item_id = t.item_id and sl.location_id = loc.loc_id
             where ${stockAs === 'count' ? 's.q <> coalesce(sl.quantity, 0)' : 's.q > 0'}) as "movements"`,
  );
  const r = rows[0]!;
  return {
    itemsToCreate: Number(r.itemsToCreate),
    itemsToUpdate: Number(r.itemsToUpdate),
    itemsUnchanged: Number(r.itemsUnchanged),
    locationsToCreate: Number(r.locationsToCreate),
    movements: Number(r.movements),
  };
}

/** Counts of the lines as they stand (after the checks). */
export async function lineCounts(
  db: Knex | Knex.Transaction,
  row: Pick<ImportRow, 'id' | 'row_count' | 'empty_lines'>,
  plan: PlanCounts,
  problems: number,
): Promise<ImportCounts> {
  const { rows } = await db.raw<{ rows: { valid: string; archived: string }[] }>(
    `select (select count(*) from import_lines where import_id = :id and ok) as valid,
            (select count(distinct i.id) from import_lines l join items i on lower(i.sku) = lower(l.sku)
             where l.import_id = :id and i.archived_at is not null) as archived`,
    { id: row.id },
  );
  const valid = Number(rows[0]!.valid);
  return {
    rows: row.row_count,
    emptyLines: row.empty_lines,
    validRows: valid,
    invalidRows: row.row_count - valid,
    problems,
    archivedItems: Number(rows[0]!.archived),
    ...plan,
  };
}
