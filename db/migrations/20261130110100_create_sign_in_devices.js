// @ts-check
// Browsers that signed in to an account successfully (the OWASP "device cookie"): only the
// SHA-256 of the cookie value is stored. One browser may be known to several accounts
// (a shared terminal on the floor).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table sign_in_devices (
      token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (token_hash, user_id)
    )
  `);
  await knex.raw('create index sign_in_devices_user on sign_in_devices (user_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('sign_in_devices');
};
