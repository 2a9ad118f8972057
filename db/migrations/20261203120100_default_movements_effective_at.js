// @ts-check
// Bulk writers (the seed) get the time of the row's insert; a post sets it itself, after its
// locks (docs/decisions/0029). Changing a default does not touch existing rows.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table movements alter column effective_at set default clock_timestamp()');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table movements alter column effective_at drop default');
};
