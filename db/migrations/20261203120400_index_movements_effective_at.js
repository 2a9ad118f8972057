// @ts-check
// Stock at a place (or a subtree) as of a moment: the movements after that moment.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'create index movements_effective_at on movements ((coalesce(effective_at, created_at)), id)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index movements_effective_at');
};
