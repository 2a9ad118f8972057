// The one low-stock rule, shared by the dashboard (stock module) and the items filter, so a
// "See all" link from one always lists what the other counted.

/** An item's stock on hand from item_totals (0 when it has never had stock). */
export const onHandSql = (item: string) =>
  `coalesce((select t.on_hand from item_totals t where t.item_id = ${item}.id), 0)`;

/** Low: the item has a reorder point and its total is at or below it. */
export const isLowStockSql = (item: string) =>
  `(${item}.reorder_point is not null and ${onHandSql(item)} <= ${item}.reorder_point)`;

/** How far below the reorder point (null without one); 0 when exactly at it. */
export const shortfallSql = (item: string) => `(${item}.reorder_point - ${onHandSql(item)})`;
