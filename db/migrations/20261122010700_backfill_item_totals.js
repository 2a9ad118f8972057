// @ts-check
// Data: totals for items that already hold stock.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    insert into item_totals (item_id, on_hand)
    select item_id, sum(quantity) from stock_levels group by item_id
    on conflict (item_id) do update set on_hand = excluded.on_hand
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex('item_totals').delete();
};
