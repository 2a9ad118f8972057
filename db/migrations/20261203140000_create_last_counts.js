// @ts-check
// Last verified (issue 14, docs/decisions/0031): per item × location, the newest `count`
// movement (who counted is the movement's author), written by the movement post in the same statement as the count. Read by the item
// and location pages and by the cycle-count report, which pages it oldest first by
// last_counts_counted_at without looking at the ledger.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table last_counts (
      item_id bigint not null,
      location_id bigint not null,
      movement_id bigint not null references movements (id) on delete restrict,
      counted_at timestamptz not null,
      primary key (item_id, location_id),
      foreign key (item_id, location_id) references stock_levels (item_id, location_id)
        on delete restrict
    )
  `);
  await knex.raw(
    'create index last_counts_counted_at on last_counts (counted_at, item_id, location_id)',
  );
  await knex.raw('create index last_counts_location on last_counts (location_id, item_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('last_counts');
};
