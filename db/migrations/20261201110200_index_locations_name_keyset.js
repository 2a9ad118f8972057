// @ts-check
// The locations list sorted by name pages by keyset on (lower(name), id).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index locations_name_lower_id on locations (lower(name), id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index locations_name_lower_id');
};
