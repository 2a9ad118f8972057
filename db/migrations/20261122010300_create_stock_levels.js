// @ts-check
// Stock on hand per (item, location). Changed only by posting movements, under row locks.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table stock_levels (
      item_id bigint not null references items (id) on delete restrict,
      location_id bigint not null references locations (id) on delete restrict,
      quantity numeric(14, 3) not null default 0 check (quantity >= 0),
      updated_at timestamptz not null default now(),
      primary key (item_id, location_id)
    )
  `);
  await knex.raw('create index stock_levels_location_id on stock_levels (location_id, item_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('stock_levels');
};
