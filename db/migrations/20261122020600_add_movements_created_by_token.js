// @ts-check
// A movement posted with an API token names the token (and created_by its creator).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'alter table movements add column created_by_token_id bigint references api_tokens (id) on delete restrict',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table movements drop column created_by_token_id');
};
