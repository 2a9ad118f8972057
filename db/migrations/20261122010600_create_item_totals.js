// @ts-check
// Total on hand per item, kept in step with stock_levels by the movement transaction, so
// low-stock and dashboard queries need not add up every balance of every item.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table item_totals (
      item_id bigint primary key references items (id) on delete cascade,
      on_hand numeric(16, 3) not null default 0 check (on_hand >= 0)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('item_totals');
};
