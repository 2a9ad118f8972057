// @ts-check
// Stock held directly at each location: its stock lines (items with a balance above zero)
// and its quantity per unit, as {"kg": "12500"} in thousandths (units never add up across).
// One row per location, so the tree reads 10,000 locations as 10,000 rows; the API adds them
// up the branches, so moving a location changes no total. Written only by the fold of
// location_stock_deltas (and a rebuild), one writer at a time, so a movement never waits on
// these rows: docs/decisions/0023.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table location_stock_totals (
      location_id bigint primary key references locations (id) on delete cascade,
      lines bigint not null check (lines >= 0),
      quantities jsonb not null check (jsonb_typeof(quantities) = 'object')
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('location_stock_totals');
};
