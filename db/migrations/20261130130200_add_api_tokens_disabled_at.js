// @ts-check
// A token is disabled (not revoked) when the user who made it is deactivated: it stays dead
// when the user comes back, until an admin re-enables it. Revoking stays final.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table api_tokens add column disabled_at timestamptz');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table api_tokens drop column disabled_at');
};
