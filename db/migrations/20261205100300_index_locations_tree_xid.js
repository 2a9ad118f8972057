// @ts-check
// The tree cache's "changed since my snapshot" read: a range from the snapshot's xmin, a
// handful of rows instead of a scan of 10,000.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index locations_tree_xid on locations (tree_xid)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index locations_tree_xid');
};
