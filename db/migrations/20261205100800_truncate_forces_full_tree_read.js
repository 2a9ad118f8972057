// @ts-check
// A TRUNCATE of locations, their totals or the deltas leaves no marks or removals, so besides
// replacing the version (as before) it now sets full_read_xid (20261205100700): every tree
// cache built before it reads everything again.

const TABLES = ['locations', 'location_stock_totals', 'location_stock_deltas'];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function reset_location_tree_version() returns trigger language plpgsql as $$
    begin
      update location_tree_version
      set version = gen_random_uuid(), changed_by = pg_current_xact_id(),
          full_read_xid = pg_current_xact_id();
      return null;
    end $$
  `);
  for (const table of TABLES) {
    await knex.raw(`drop trigger ${table}_tree_version_truncate on ${table}`);
    await knex.raw(`
      create trigger ${table}_tree_version_truncate after truncate on ${table}
      for each statement execute function reset_location_tree_version()
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  for (const table of TABLES) {
    await knex.raw(`drop trigger ${table}_tree_version_truncate on ${table}`);
    await knex.raw(`
      create trigger ${table}_tree_version_truncate after truncate on ${table}
      for each statement execute function bump_location_tree_version()
    `);
  }
  await knex.raw('drop function reset_location_tree_version()');
};
