// @ts-check
// One row per user and day claims that day's digest: the primary key is what keeps several
// API replicas (or a restart) from sending a user two digests on the same day.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table alert_digests (
      user_id bigint not null references users (id) on delete cascade,
      day date not null,
      item_count integer not null check (item_count >= 0),
      created_at timestamptz not null default now(),
      primary key (user_id, day)
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('alert_digests');
};
