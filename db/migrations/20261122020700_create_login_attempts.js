// @ts-check
// Sign-in attempts, for rate limits that hold across API replicas (see docs/decisions/0004).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table login_attempts (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      ip text not null,
      email text not null,
      succeeded boolean not null
    )
  `);
  await knex.raw('create index login_attempts_ip on login_attempts (ip, at)');
  await knex.raw(
    'create index login_attempts_email on login_attempts (email, at) where not succeeded',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('login_attempts');
};
