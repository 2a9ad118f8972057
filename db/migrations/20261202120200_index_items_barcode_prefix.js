// @ts-check
// Search ranks items whose barcode starts with the text ahead of the rest, and reads that rank
// as its own part of the page (backend/src/lib/keyset-parts.ts). `lower(barcode) like 'text%'` can
// only use a B-tree as a range when the index compares byte by byte (text_pattern_ops; the
// database's collation is en_US in the Docker image, which LIKE cannot use). The unique index
// on barcode serves the exact match, not this.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index items_barcode_prefix on items (lower(barcode) text_pattern_ops)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index items_barcode_prefix');
};
