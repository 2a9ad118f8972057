// @ts-check
// One row naming the current state of what the location tree is built from, apart from the
// pending deltas (locations, location_stock_totals): a random value, replaced whenever a
// transaction changes either (next migration). API replicas cache the rendered tree under
// (this value, number of pending deltas) and ask the database for both on every request, so a
// cache is never trusted beyond what the database says (docs/decisions/0023, "Amended").
// Random rather than a counter: a restored dump or a copied database can never present an
// old counter value for different data.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table location_tree_version (
      only_row boolean primary key default true check (only_row),
      version uuid not null default gen_random_uuid(),
      changed_by xid8
    )
  `);
  await knex.raw('insert into location_tree_version default values');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('location_tree_version');
};
