// @ts-check
// Tokens for scripts. Only the SHA-256 of the secret is kept; revoked tokens stay for the record.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table api_tokens (
      id bigint generated always as identity primary key,
      name text not null check (char_length(name) between 1 and 100 and name = btrim(name)),
      scope text not null check (scope in ('read', 'write')),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      created_by bigint not null references users (id) on delete restrict,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('api_tokens');
};
