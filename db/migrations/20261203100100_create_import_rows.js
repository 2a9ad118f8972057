// @ts-check
// The file's rows as parsed, staged by COPY (docs/decisions/0027). UNLOGGED: no WAL for what
// is a scratch copy of an upload (after a database crash the rows are gone and the file is
// uploaded again); deleted with their import, or by the retention job when abandoned.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create unlogged table import_rows (
      import_id bigint not null references imports (id) on delete cascade,
      line integer not null,
      cells text[] not null,
      primary key (import_id, line)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('import_rows');
};
