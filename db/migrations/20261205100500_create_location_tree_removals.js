// @ts-check
// A deleted row leaves no mark to find, so each delete of a location or of its folded totals
// leaves one here (trigger: 20261205100600), in the deleting transaction. The tree cache
// reads those its snapshot did not see. Kept a day, then pruned by the fold job, which then
// sets location_tree_version.full_read_xid so an older cache reads everything
// (20261205100700).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table location_tree_removals (
      location_id bigint not null,
      tree_xid xid8 not null default pg_current_xact_id(),
      removed_at timestamptz not null default now()
    )
  `);
  await knex.raw('create index location_tree_removals_tree_xid on location_tree_removals (tree_xid)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('location_tree_removals');
};
