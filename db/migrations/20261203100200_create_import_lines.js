// @ts-check
// Each row's values after the mapping and the API's own field rules (docs/decisions/0027):
// what the commit's set-based statements read. A null field was not mapped or was empty.
// ok = false: the row has a problem (import_problems says which).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create unlogged table import_lines (
      import_id bigint not null references imports (id) on delete cascade,
      line integer not null,
      sku text not null,
      name text,
      description text,
      unit text,
      barcode text,
      reorder_point numeric(14, 3),
      category text,
      location text,
      quantity numeric(14, 3),
      ok boolean not null default true,
      primary key (import_id, line)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('import_lines');
};
