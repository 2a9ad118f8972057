// @ts-check
// Every problem found in an import's rows, in line order (docs/decisions/0027). source:
// 'row' (the cell's own rules, found once when the mapping is set) or 'db' (against the
// database and the rest of the file, found again at each commit).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create unlogged table import_problems (
      id bigint generated always as identity primary key,
      import_id bigint not null references imports (id) on delete cascade,
      source text not null check (source in ('row', 'db')),
      line integer not null,
      col integer,
      field text,
      value text,
      message text not null
    )
  `);
  await knex.raw('create index import_problems_by_line on import_problems (import_id, line, id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('import_problems');
};
