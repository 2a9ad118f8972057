// @ts-check
// The items list pages by keyset: (lower(sku), id) > (last row's). The unique index on
// lower(sku) alone cannot serve that row comparison as an index range; this one can, in both
// directions. (Name, updated_at and created_at already have their (key, id) indexes.)
// A plain CREATE INDEX like every other migration: migrations run before the API listens, and
// at 100,000 items it takes well under a second.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index items_sku_lower_id on items (lower(sku), id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index items_sku_lower_id');
};
