// @ts-check
// The items a session counts when it was opened for a list of items rather than a place.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table count_session_items (
      session_id bigint not null references count_sessions (id) on delete cascade,
      item_id bigint not null references items (id) on delete restrict,
      primary key (session_id, item_id)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('count_session_items');
};
