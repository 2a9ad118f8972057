// @ts-check
// Data: the row (and reorder point) of every item that existed before the trigger.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    insert into item_totals (item_id, reorder_point)
    select id, reorder_point from items
    on conflict (item_id) do update set reorder_point = excluded.reorder_point
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  // Rows without stock are harmless to code that expects only stocked items (it reads on_hand).
  await knex.raw('update item_totals set reorder_point = null');
};
