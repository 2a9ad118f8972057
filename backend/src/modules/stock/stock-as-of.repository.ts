import type { DbOrTrx } from '../../lib/db';
import { encodeCursor } from '../../lib/http/cursor';
import { ledgerTime } from '../../lib/ledger-time';
import { formatDbDecimal } from '../../lib/quantity';
import { STOCK_AS_OF_SHAPE, type StockAsOf, type StockAsOfQuery } from './stock-as-of.schemas';

interface Row {
  as_of: Date;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  location_id: string;
  code: string;
  location_name: string;
  quantity: string;
}

/**
 * Balances as of a moment, counted back from now (docs/decisions/0029): each balance row minus
 * what the ledger moved there after the moment, read in one statement so both come from one
 * snapshot. Every (item, place) the ledger ever touched has a balance row (a post creates it,
 * so does the seed; the reconciliation checks it), so a place emptied since still shows.
 * The lateral sum walks the item's movements after the moment (movements_item_effective_at).
 */
function sql(q: StockAsOfQuery) {
  const where: string[] = [];
  const bindings: Record<string, unknown> = {
    asOf: q.asOf ?? null,
    limit: q.limit + 1,
    item: q.itemId ?? null,
    loc: q.locationId ?? null,
  };
  if (q.itemId !== undefined) where.push('s.item_id = :item');
  if (q.locationId !== undefined)
    where.push(
      q.subtree ? 's.location_id = any(array(select id from sub))' : 's.location_id = :loc',
    );
  if (q.cursor) {
    where.push('(s.location_id, s.item_id) > (cast(:cl as bigint), cast(:ci as bigint))');
    Object.assign(bindings, { cl: q.cursor.keys[0], ci: q.cursor.keys[1] });
  }
  // Ordered by (location, item), the order of stock_levels_location_id (and of the primary
  // key for one item), so the lateral sum runs only for the rows of the page, not the subtree.
  const text = `
    with recursive t as materialized (
      select least(coalesce(cast(:asOf as timestamptz), 'infinity'), clock_timestamp()) as as_of
    ), sub as (
      select id from locations where id = :loc
      union all
      select c.id from locations c join sub on c.parent_id = sub.id
    )
    select t.as_of, s.item_id, i.sku, i.name as item_name, i.unit, s.location_id, l.code,
           l.name as location_name, (s.quantity - coalesce(d.after, 0))::text as quantity
    from t, stock_levels s
    cross join lateral (
      select sum(case when m.to_location_id = s.location_id then m.quantity else -m.quantity end)
               as after
      from movements m
      where m.item_id = s.item_id and ${ledgerTime('m')} > t.as_of
        and (m.to_location_id = s.location_id or m.from_location_id = s.location_id)
    ) d
    join items i on i.id = s.item_id
    join locations l on l.id = s.location_id
    where ${where.join(' and ')} and s.quantity - coalesce(d.after, 0) <> 0
    order by s.location_id, s.item_id
    limit :limit`;
  return { text, bindings };
}

export async function stockAsOf(
  db: DbOrTrx,
  q: StockAsOfQuery,
): Promise<{ asOf: Date | null; data: StockAsOf['data']; nextCursor: string | null }> {
  const { text, bindings } = sql(q);
  const { rows } = await db.raw<{ rows: Row[] }>(text, bindings);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    asOf: rows[0]?.as_of ?? null,
    data: page.map((r) => ({
      item: { id: Number(r.item_id), sku: r.sku, name: r.item_name, unit: r.unit },
      location: { id: Number(r.location_id), code: r.code, name: r.location_name },
      quantity: formatDbDecimal(r.quantity) ?? '0',
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({
            shape: STOCK_AS_OF_SHAPE,
            direction: 'after',
            keys: [last.location_id, last.item_id],
          })
        : null,
  };
}
