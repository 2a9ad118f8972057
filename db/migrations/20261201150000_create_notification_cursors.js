// @ts-check
// The bell's per-user read state, part 1 (docs/decisions/0017): "everything up to this feed
// position is read". One row per user, moved by "mark all read"; nothing is written per user
// when an event happens, so a movement post pays nothing for the bell.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table notification_cursors (
      user_id bigint primary key references users (id) on delete cascade,
      read_txid xid8 not null,
      read_id bigint not null,
      updated_at timestamptz not null default now()
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('notification_cursors');
};
