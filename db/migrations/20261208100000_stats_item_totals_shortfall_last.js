// @ts-check
// The items list by smallest shortfall puts items without a reorder point last with the key
// coalesce(shortfall, 1e15). Only the largest-first key has an index (and so statistics), so
// PostgreSQL guessed 100 of 100,000 items share the last value and, for a page inside that tie,
// read and sorted all of them instead of walking the SKU index (issue 12). Statistics on the
// expression tell it the tie's size; ANALYZE (and autovacuum's) fills them.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'create statistics item_totals_shortfall_last on (coalesce(shortfall, 1e15)) from item_totals',
  );
  await knex.raw('analyze item_totals');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop statistics item_totals_shortfall_last');
};
