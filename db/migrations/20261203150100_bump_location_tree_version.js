// @ts-check
// Replaces location_tree_version.version in every transaction that changes a location's
// tree fields, the folded totals, or removes pending deltas (the fold, a rebuild). Appending
// a delta (a movement) does not: within one version the pending deltas only grow, so their
// count tells two states apart without a shared row every movement would queue on.
//
// Deferred constraint triggers: the version row is locked at commit, as the transaction's
// last act, so a transaction holding it never waits for anything else (no deadlock with a
// fold's foreign-key checks or a location delete). Once per transaction: `changed_by`
// remembers which transaction replaced it, and later rows of the same one skip the update.
// TRUNCATE has no row triggers: a statement trigger covers it.

const TABLES = {
  locations: 'insert or delete or update of code, name, parent_id, archived_at',
  location_stock_totals: 'insert or update or delete',
  location_stock_deltas: 'delete or update',
};

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function bump_location_tree_version() returns trigger language plpgsql as $$
    begin
      update location_tree_version set version = gen_random_uuid(), changed_by = pg_current_xact_id()
      where changed_by is distinct from pg_current_xact_id();
      return null;
    end $$
  `);
  for (const [table, events] of Object.entries(TABLES)) {
    await knex.raw(`
      create constraint trigger ${table}_tree_version after ${events} on ${table}
      deferrable initially deferred for each row execute function bump_location_tree_version()
    `);
    await knex.raw(`
      create trigger ${table}_tree_version_truncate after truncate on ${table}
      for each statement execute function bump_location_tree_version()
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  for (const table of Object.keys(TABLES)) {
    await knex.raw(`drop trigger ${table}_tree_version_truncate on ${table}`);
    await knex.raw(`drop trigger ${table}_tree_version on ${table}`);
  }
  await knex.raw('drop function bump_location_tree_version()');
};
