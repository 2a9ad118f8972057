// @ts-check
// The tree cache's "folded since my snapshot" read: the rows of the last folds only.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index location_stock_totals_tree_xid on location_stock_totals (tree_xid)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index location_stock_totals_tree_xid');
};
