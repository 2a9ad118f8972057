// @ts-check
// "Forgot password" requests, counted per email and per address for the rate limit. Every
// request is recorded whether or not the account exists, so limits cannot tell them apart.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table password_reset_requests (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      email text not null check (char_length(email) <= 254),
      ip text not null
    )
  `);
  await knex.raw(
    'create index password_reset_requests_email on password_reset_requests (email, at)',
  );
  await knex.raw('create index password_reset_requests_ip on password_reset_requests (ip, at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('password_reset_requests');
};
