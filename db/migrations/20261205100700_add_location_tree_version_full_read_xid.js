// @ts-check
// When marks and removals cannot tell a cache what changed (a TRUNCATE, which fires no row
// triggers, or removals pruned), the transaction that caused it is recorded here: a tree
// cache whose snapshot's xmin is not above it reads every location again (docs/decisions/0023,
// "Amended 2026-12-05"). Null: never.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table location_tree_version add column full_read_xid xid8');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table location_tree_version drop column full_read_xid');
};
