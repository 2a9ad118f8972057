import type { Knex } from 'knex';
import { QUANTITY_MAX } from '../../lib/quantity';
import { COUNTABLE_UNITS } from '../../lib/units';
import { balanceTooLarge, itemTotalTooLarge } from '../movements/movements.service';

// Step 2: the problems that need the whole file or the database (docs/decisions/0027), as
// set-based statements over import_lines. Each check lists (line, field, value, message);
// its lines are marked not ok. Run when the mapping is set (the preview) and again inside
// the commit's transaction, under its locks, so what is committed is checked as it stands.

const COUNTABLE = `(${COUNTABLE_UNITS.map((u) => `'${u}'`).join(', ')})`;
const ITEM_FIELDS = [
  ['name', 'name'],
  ['description', 'description'],
  ['unit', 'unit'],
  ['barcode', 'barcode'],
  ['reorder_point', 'reorderPoint'],
  ['category', 'category'],
] as const;

/** The SKU's first line (every line, ok or not): what its item fields are compared with. */
const FIRST_SQL = `select distinct on (lower(sku) collate "C") lower(sku) as k, line, sku, ${ITEM_FIELDS.map(([c]) => c).join(', ')}
  from import_lines where import_id = ? order by lower(sku) collate "C", line`;
/** Read by several checks: computed once per run as a temporary table. */
const FIRST = 'imp_first';

const CHECKS: string[] = [
  // The same item at the same place twice (or the same SKU twice without a location): the
  // groups by hash (no sort of 300,000 keys), then only the lines of groups with several.
  `select l.line, 'sku' as field, l.sku as value,
          case when l.location is null then format('SKU %s is already on line %s', l.sku, d.first_line)
               else format('SKU %s at %s is already on line %s', l.sku, l.location, d.first_line) end
   from (select lower(sku) as k, lower(coalesce(location, '')) as lk, min(line) as first_line
         from import_lines where import_id = :id
         group by 1, 2 having count(*) > 1) d
   join import_lines l on lower(l.sku) = d.k and lower(coalesce(l.location, '')) = d.lk
   where l.import_id = :id and l.line <> d.first_line`,
  // A SKU's lines must agree on its item fields (a field left empty agrees): one pass over the
  // lines for all six fields. The same test also comes before the lateral row set: most lines
  // (all but a SKU's first, in the long format) leave every field empty and are dropped there.
  `select l.line, v.field, v.value,
       format('SKU %s is on line %s with another %s', l.sku, f.line, v.field)
     from import_lines l join ${FIRST} f on f.k = lower(l.sku)
     cross join lateral (values ${ITEM_FIELDS.map(
       ([column, field]) =>
         `('${field}', l.${column}::text, l.${column} is not null and l.${column} is distinct from f.${column})`,
     ).join(', ')}) v(field, value, differs)
     where l.import_id = :id and l.line <> f.line and v.differs
       and (${ITEM_FIELDS.map(([c]) => `(l.${c} is not null and l.${c} is distinct from f.${c})`).join(' or ')})`,
  // One barcode, two items in the file.
  `select line, 'barcode', barcode, format('barcode %s is already used by SKU %s on line %s', barcode, first_sku, first_line)
   from (select line, sku, barcode, first_value(line) over w as first_line, first_value(sku) over w as first_sku
         from import_lines where import_id = :id and barcode is not null
         window w as (partition by barcode order by line)) x
   where lower(sku) <> lower(first_sku)`,
  // One barcode, another item in the database (the API's BARCODE_TAKEN).
  `select l.line, 'barcode', l.barcode, format('Another item already uses barcode "%s" (%s).', l.barcode, i.sku)
   from import_lines l join items i on i.barcode = l.barcode and lower(i.sku) <> lower(l.sku)
   where l.import_id = :id`,
  // Archived items are reported, never restored.
  `select l.line, 'sku', l.sku, format('Item %s is archived; an import never restores archived items (unarchive it first).', i.sku)
   from import_lines l join items i on lower(i.sku) = lower(l.sku)
   where l.import_id = :id and i.archived_at is not null`,
  // A new item needs a name (on the SKU's first line).
  `select f.line, 'name', null, 'must not be empty: a new item needs a name'
   from ${FIRST} f where f.name is null and not exists (select 1 from items i where lower(i.sku) = f.k)`,
  // The API's ITEM_UNIT_LOCKED.
  `select l.line, 'unit', l.unit, format('Item %s already has stock or movement history in %s, so its unit cannot be changed.', i.sku, i.unit)
   from import_lines l join items i on lower(i.sku) = lower(l.sku)
   where l.import_id = :id and l.unit is not null and l.unit <> i.unit
     and (exists (select 1 from movements m where m.item_id = i.id)
          or exists (select 1 from stock_levels s where s.item_id = i.id and s.quantity <> 0))`,
  // Whole units: the unit from the file, else the item's, else the default for new items.
  `select l.line, 'quantity', l.quantity::text, format('is counted in %s: enter a whole number', u.unit)
   from import_lines l join ${FIRST} f on f.k = lower(l.sku)
   left join items i on lower(i.sku) = lower(l.sku)
   cross join lateral (select coalesce(f.unit, i.unit, :defaultUnit) as unit) u
   where l.import_id = :id and u.unit in ${COUNTABLE} and l.quantity <> trunc(l.quantity)`,
  `select l.line, 'reorderPoint', l.reorder_point::text, 'must be a whole number'
   from import_lines l join ${FIRST} f on f.k = lower(l.sku)
   left join items i on lower(i.sku) = lower(l.sku)
   cross join lateral (select coalesce(f.unit, i.unit, :defaultUnit) as unit) u
   where l.import_id = :id and u.unit in ${COUNTABLE} and l.reorder_point <> trunc(l.reorder_point)`,
  // A path through an archived location.
  `select l.line, 'location', l.location, format('Location %s is archived; unarchive it to import into it.', loc.code)
   from import_lines l
   cross join lateral generate_series(1, cardinality(string_to_array(l.location, '/'))) n
   join locations loc on lower(loc.code) = lower(array_to_string((string_to_array(l.location, '/'))[1:n], '/'))
   where l.import_id = :id and l.location is not null and loc.archived_at is not null`,
];

/**
 * The movements API's QUANTITY_TOO_LARGE messages as format() templates (%1$s SKU, %2$s
 * location code, %3$s unit, %4$s the balance now), so an import line says what a movement
 * posting the same quantity would be told.
 */
const arg = (n: number) => `⟦${n}⟧`;
const asTemplate = (message: string) =>
  message.replace(/%/g, '%%').replace(/⟦(\d)⟧/g, (_, n: string) => `%${n}$s`);
const BALANCE_TOO_LARGE = asTemplate(
  balanceTooLarge({
    itemId: 0,
    sku: arg(1),
    locationId: 0,
    locationCode: arg(2),
    unit: arg(3),
    available: arg(4),
  }).message,
);
const TOTAL_TOO_LARGE = asTemplate(
  itemTotalTooLarge({ itemId: 0, sku: arg(1), unit: arg(3) }).message,
);

/**
 * Balances and item totals past the largest quantity (numeric(14,3) balances, the
 * item_totals CHECK) as the ok lines would leave them: a count sets the balance, a receipt
 * adds to it; an item's total is what it has elsewhere plus its lines' balances. Every stock
 * line of such an item is a problem (leaving them all out keeps the total the database
 * already holds): the balance message where that line's own place overflows, else the
 * total's. Run after the other checks, over the lines they left ok, so a commit never meets
 * the CHECK.
 */
function limitsSql(stockAs: 'count' | 'receive'): string {
  // A total can only pass the limit where what the item has plus all its quantities does (a
  // count replaces a balance that is at least 0): only those SKUs, usually none, are looked at
  // place by place (materialized, so the planner joins the lines to them first).
  return `with sums as (
      select lower(sku) as k, sum(quantity) as q from import_lines
      where import_id = :id and ok and quantity is not null and location is not null
      group by lower(sku)),
    suspects as materialized (
      select s.k from sums s
      left join items i on lower(i.sku) = s.k left join item_totals t on t.item_id = i.id
      where coalesce(t.on_hand, 0) + s.q > ${QUANTITY_MAX}),
    l as (
      select l.line, l.quantity as q, lower(l.sku) as k, coalesce(i.sku, f.sku) as sku,
             coalesce(f.unit, i.unit, :defaultUnit) as unit, coalesce(loc.code, l.location) as code,
             coalesce(sl.quantity, 0) as had, coalesce(t.on_hand, 0) as on_hand
      from import_lines l
      join suspects x on x.k = lower(l.sku)
      join ${FIRST} f on f.k = lower(l.sku)
      left join items i on lower(i.sku) = lower(l.sku)
      left join item_totals t on t.item_id = i.id
      left join locations loc on lower(loc.code) = lower(l.location)
      left join stock_levels sl on sl.item_id = i.id and sl.location_id = loc.id
      where l.import_id = :id and l.ok and l.quantity is not null and l.location is not null),
    b as (select *, ${stockAs === 'count' ? 'q' : 'had + q'} as after from l),
    s as (select *, max(on_hand) over w - sum(had) over w + sum(after) over w as total
          from b window w as (partition by k)),
    ins as (insert into import_problems (import_id, source, line, field, value, message)
            select :id, 'db', line, 'quantity', q::text,
                   case when after > ${QUANTITY_MAX}
                        then format(:balance, sku, code, unit, trim_scale(had)::text)
                        else format(:total, sku, code, unit) end
            from s where total > ${QUANTITY_MAX}
            returning line)
    update import_lines set ok = false
    where import_id = :id and line in (select line from ins)`;
}

/**
 * Whether any SKU's stock could pass the limit: its quantities (never negative) add up to at
 * most all the file's, and what it has to at most the largest item total. Usually not, and the
 * place-by-place statement (a join of every line with items, totals, locations and balances
 * before it finds no suspect SKU) is skipped.
 */
async function mayPassLimits(trx: Knex.Transaction, id: number): Promise<boolean> {
  const { rows } = await trx.raw<{ rows: { may: boolean }[] }>(
    `select coalesce(sum(quantity), 0)
              + greatest(0, coalesce((select max(on_hand) from item_totals), 0)) > ${QUANTITY_MAX} as may
     from import_lines where import_id = ? and ok and quantity is not null and location is not null`,
    [id],
  );
  return rows[0]!.may;
}

/**
 * Replaces the import's 'db' problems with what the checks find now, marks those lines not
 * ok (and lines ok again whose only problems were 'db' ones), and renumbers every problem in
 * line order (the problems list pages by id). Returns the number of problems.
 */
export async function runChecks(
  trx: Knex.Transaction,
  id: number,
  { defaultUnit, stockAs }: { defaultUnit: string; stockAs: 'count' | 'receive' },
): Promise<number> {
  await trx.raw(`delete from import_problems where import_id = ? and source = 'db'`, [id]);
  // Lines whose only problems were the last run's 'db' ones are ok again.
  await trx.raw(
    `update import_lines l set ok = true
     where l.import_id = ? and not l.ok and not exists (
       select 1 from import_problems p where p.import_id = l.import_id and p.line = l.line)`,
    [id],
  );
  await trx.raw('drop table if exists imp_first');
  await trx.raw(`create temp table imp_first on commit drop as ${FIRST_SQL}`, [id]);
  await trx.raw('alter table imp_first add primary key (k)');
  const found = CHECKS.map((sql) => `(${sql})`).join('\n union all\n');
  await trx.raw(
    `with found(line, field, value, message) as (${found}),
          ins as (insert into import_problems (import_id, source, line, field, value, message)
                  select :id, 'db', line, field, left(value, 200), message from found)
     update import_lines l set ok = false
     where l.import_id = :id and l.line in (select line from found)`,
    { id, defaultUnit },
  );
  if (await mayPassLimits(trx, id))
    await trx.raw(limitsSql(stockAs), {
      id,
      defaultUnit,
      balance: BALANCE_TOO_LARGE,
      total: TOTAL_TOO_LARGE,
    });
  // Line order for the list: every problem again, ids given in that order.
  const { rows } = await trx.raw<{ rows: { n: string }[] }>(
    `with moved as (delete from import_problems where import_id = :id
                    returning source, line, col, field, value, message),
          ins as (insert into import_problems (import_id, source, line, col, field, value, message)
                  select :id, source, line, col, field, value, message from moved
                  order by line, col nulls first, field
                  returning 1)
     select count(*) as n from ins`,
    { id },
  );
  return Number(rows[0]?.n ?? 0);
}
