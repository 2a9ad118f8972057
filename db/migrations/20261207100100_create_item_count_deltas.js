// @ts-check
// Changes to item_counts, appended by the statements that make them (trigger: 20261207100200)
// and folded into it by a background job (items.jobs.ts). Appending instead of updating
// item_counts in the writing transaction keeps item creation free of a shared row: with the
// update, 16 clients creating items held each other on that row until commit (335 → 230
// creates/s, p99 100 → 200 ms on the test box). Readers add what is not folded yet, so the
// figure is exact in every snapshot.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table item_count_deltas (
      archived boolean not null,
      items bigint not null check (items <> 0)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('item_count_deltas');
};
