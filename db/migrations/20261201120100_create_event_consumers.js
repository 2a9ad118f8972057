// @ts-check
// Internal consumers of the outbox (e.g. low-stock email): each keeps its own cursor, claimed
// FOR UPDATE SKIP LOCKED so one replica at a time advances it.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table event_consumers (
      name text primary key check (name ~ '^[a-z][a-z0-9_.-]{0,62}$'),
      cursor_txid xid8 not null,
      cursor_id bigint not null,
      updated_at timestamptz not null default now()
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('event_consumers');
};
