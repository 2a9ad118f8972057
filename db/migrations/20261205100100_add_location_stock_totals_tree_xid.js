// @ts-check
// The transaction that last wrote a location's folded totals (the fold, a rebuild), set by a
// trigger (20261205100200): after a fold, a tree cache re-reads only the rows the fold wrote
// (docs/decisions/0023, "Amended 2026-12-05").

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table location_stock_totals add column tree_xid xid8');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table location_stock_totals drop column tree_xid');
};
