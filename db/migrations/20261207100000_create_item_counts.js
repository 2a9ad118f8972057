// @ts-check
// How many items are active and how many archived, so the items list's unfiltered pages (the
// default view, every sort) read their "N items" from here instead of counting up to 1,001
// index entries per request (issue 12: that count was about a third of the SKU page's
// PostgreSQL time at 100,000 items). Kept exact with item_count_deltas (next migrations): a
// figure is this row plus the deltas not folded yet.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table item_counts (
      archived boolean primary key,
      items bigint not null check (items >= 0)
    )
  `);
  // Filled by 20261207100200 once its triggers exist, under their lock on items.
  await knex.raw('insert into item_counts (archived, items) values (false, 0), (true, 0)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('item_counts');
};
