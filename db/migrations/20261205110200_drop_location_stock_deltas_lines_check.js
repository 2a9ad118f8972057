// @ts-check
// A delta row may now carry what one statement changed at one location in one unit, not only
// one movement's change: an import appends one row per location × unit with the sum of its
// stock lines (it appended 300,000 one-line rows for 300,000 movements, each with its foreign-
// key check, and every tree read summed them until the next fold; docs/decisions/0033). The
// fold, the tree and the reconciliation only ever add `lines` up, so the sums are unchanged;
// the -1..1 bound described a row, not a total.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'alter table location_stock_deltas drop constraint location_stock_deltas_lines_check',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  // Fails while an import's summed rows wait for the fold; fold them first (a few seconds).
  await knex.raw(
    'alter table location_stock_deltas add constraint location_stock_deltas_lines_check check (lines between -1 and 1)',
  );
};
