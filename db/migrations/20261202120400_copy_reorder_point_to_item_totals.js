// @ts-check
// Every item has an item_totals row (on_hand 0 until stock arrives) holding a copy of its
// reorder point, written in the same statement's transaction as the item. The shortfall sort
// joins the two tables inside out (from the index on item_totals), which only lists every item
// if every item has a row. Lock order stays items → item_totals, as in a movement (the item
// FOR SHARE, then its total), so the two never deadlock.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function items_copy_reorder_point() returns trigger language plpgsql as $$
    begin
      insert into item_totals (item_id, reorder_point) values (new.id, new.reorder_point)
      on conflict (item_id) do update set reorder_point = excluded.reorder_point
        where item_totals.reorder_point is distinct from excluded.reorder_point;
      return null;
    end $$
  `);
  await knex.raw(`
    create trigger items_reorder_point_copied after insert or update of reorder_point on items
    for each row execute function items_copy_reorder_point()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger items_reorder_point_copied on items');
  await knex.raw('drop function items_copy_reorder_point()');
};
