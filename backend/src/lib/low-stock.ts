// The one low-stock rule, shared by the dashboard (stock module) and the items filter, so a
// "See all" link from one always lists what the other counted.

/** An item's stock on hand from item_totals (0 when it has never had stock). */
export const onHandSql = (item: string) =>
  `coalesce((select t.on_hand from item_totals t where t.item_id = ${item}.id), 0)`;

/**
 * Low: the item has a reorder point and its total is at or below it, i.e. its shortfall
 * (item_totals' generated column, beside a copy of the reorder point) is 0 or more. Written as
 * the range of the shortfall index (item_totals_shortfall), so the low-stock list and count read
 * the low items only, not every item with a reorder point.
 */
export const isLowStockSql = (item: string) =>
  `exists (select 1 from item_totals lt where lt.item_id = ${item}.id and coalesce(lt.shortfall, -1e15) >= 0)`;

/** How far below the reorder point (null without one); 0 when exactly at it. */
export const shortfallSql = (item: string) => `(${item}.reorder_point - ${onHandSql(item)})`;
