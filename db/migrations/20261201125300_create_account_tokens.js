// @ts-check
// Emailed links that let a user set their password: an invitation or a password reset.
// Only the SHA-256 of the token is stored; used_at makes each single-use.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table account_tokens (
      id bigint generated always as identity primary key,
      user_id bigint not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('invitation', 'password_reset')),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      check (expires_at > created_at)
    )
  `);
  await knex.raw('create index account_tokens_user on account_tokens (user_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('account_tokens');
};
