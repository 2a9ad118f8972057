// @ts-check
// Search ranks items whose SKU starts with the text ahead of the rest, and reads that rank
// as its own part of the page (backend/src/lib/keyset-parts.ts). `lower(sku) like 'text%'` can
// only use a B-tree as a range when the index compares byte by byte: the existing lower(sku)
// indexes use the database's collation (en_US in the Docker image), which LIKE cannot use, so
// without this every search read the whole table to find its (often zero) prefix matches.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index items_sku_prefix on items (lower(sku) text_pattern_ops)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index items_sku_prefix');
};
