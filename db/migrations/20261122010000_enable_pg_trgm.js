// @ts-check
// Trigram indexes keep substring search on SKU, name and barcode fast at 100,000+ items.
// pg_trgm is a trusted extension: the database owner may create it.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create extension if not exists pg_trgm');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop extension if exists pg_trgm');
};
