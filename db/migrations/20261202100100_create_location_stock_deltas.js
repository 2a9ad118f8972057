// @ts-check
// What each movement changed at each location it touched, in the item's unit (quantity in
// thousandths), appended in the movement's own transaction: an insert never waits on another
// movement, unlike a counter row per location. A background job folds them into
// location_stock_totals; the tree reads both in one statement, so its figures are exact
// whether or not the fold has run.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table location_stock_deltas (
      location_id bigint not null references locations (id) on delete cascade,
      unit text not null,
      quantity bigint not null,
      lines smallint not null check (lines between -1 and 1),
      constraint location_stock_deltas_changes check (quantity <> 0 or lines <> 0)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('location_stock_deltas');
};
