// @ts-check
// The locations list pages by keyset on (lower(code), id): the unique index on lower(code)
// alone cannot serve that row comparison as an index range.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index locations_code_lower_id on locations (lower(code), id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index locations_code_lower_id');
};
