// @ts-check
// Browser sessions. The id is the SHA-256 of the cookie value: a leaked table opens nothing.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table sessions (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text check (char_length(user_agent) <= 500)
    )
  `);
  await knex.raw('create index sessions_user_id on sessions (user_id)');
  await knex.raw('create index sessions_expires_at on sessions (expires_at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('sessions');
};
