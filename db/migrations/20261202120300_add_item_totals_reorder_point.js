// @ts-check
// The items list sorted by shortfall (reorder point − total on hand) sorted all 100,000 items
// on every request: the two numbers lived in two tables, and no index can span both. The
// reorder point is copied beside the total (kept by the trigger of the next migration), so
// one generated column and one index on this table can order them.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table item_totals add column reorder_point numeric(14, 3)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table item_totals drop column reorder_point');
};
