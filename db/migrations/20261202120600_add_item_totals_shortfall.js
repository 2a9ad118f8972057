// @ts-check
// Shortfall = reorder point − total on hand (null without a reorder point), computed by
// PostgreSQL in the same statement that changes either number, so a movement's total and the
// sort key can never disagree, whatever form the movement's write takes.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'alter table item_totals add column shortfall numeric(16, 3) generated always as (reorder_point - on_hand) stored',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table item_totals drop column shortfall');
};
