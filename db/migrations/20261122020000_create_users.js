// @ts-check
// People who sign in. Email is unique whatever its case; a role is the least a user may do.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table users (
      id bigint generated always as identity primary key,
      email text not null check (char_length(email) between 3 and 254 and email = btrim(email)),
      name text not null check (char_length(name) between 1 and 100 and name = btrim(name)),
      role text not null check (role in ('admin', 'manager', 'operator', 'viewer')),
      active boolean not null default true,
      password_hash text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_login_at timestamptz
    )
  `);
  await knex.raw('create unique index users_email_lower_key on users (lower(email))');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('users');
};
