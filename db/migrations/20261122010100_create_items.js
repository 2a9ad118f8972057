// @ts-check
// Items: what is stocked. Every rule the API enforces on an item is also a constraint here.

const UNITS = ['each', 'box', 'pack', 'pair', 'set', 'roll', 'kg', 'g', 'l', 'ml', 'm', 'cm'];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table items (
      id bigint generated always as identity primary key,
      sku text not null check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
      name text not null check (char_length(name) between 1 and 200 and name = btrim(name)),
      description text check (char_length(description) <= 2000),
      unit text not null default 'each' check (unit in (${UNITS.map((u) => `'${u}'`).join(', ')})),
      barcode text check (barcode ~ '^[\\x21-\\x7E]{1,64}$'),
      reorder_point numeric(14, 3) check (reorder_point >= 0),
      category text check (char_length(category) between 1 and 100 and category = btrim(category)),
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- What free-text search matches: one lower-cased column, so a plain LIKE on one
      -- trigram index replaces a slow ILIKE over three columns.
      search_text text generated always as (lower(sku || ' ' || name || ' ' || coalesce(barcode, ''))) stored
    )
  `);
  await knex.raw('create unique index items_sku_lower_key on items (lower(sku))');
  await knex.raw(
    'create unique index items_barcode_key on items (barcode) where barcode is not null',
  );
  await knex.raw('create index items_search_trgm on items using gin (search_text gin_trgm_ops)');
  await knex.raw('create index items_name_lower on items (lower(name), id)');
  await knex.raw('create index items_category on items (category) where category is not null');
  await knex.raw('create index items_updated_at on items (updated_at, id)');
  await knex.raw('create index items_created_at on items (created_at, id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('items');
};
