// @ts-check
// A summed delta can count more stock lines than a smallint holds (100,000 items into one
// bin). The table is a queue folded every few seconds, so the rewrite is small.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table location_stock_deltas alter column lines type integer');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  // Fails while a summed row beyond the smallint range waits for the fold; fold it first.
  await knex.raw('alter table location_stock_deltas alter column lines type smallint');
};
