// @ts-check
// The transaction that last changed a location's tree fields (code, name, parent, archived),
// set by a trigger (20261205100200). A tree cache that remembers the snapshot it was built in
// re-reads only the locations whose mark that snapshot does not see, instead of all 10,000
// (docs/decisions/0023, "Amended 2026-12-05"). Null for rows written before: every snapshot
// taken since sees them. No default, so adding it rewrites nothing.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table locations add column tree_xid xid8');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table locations drop column tree_xid');
};
