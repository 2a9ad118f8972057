// @ts-check
// The throttle reads an account's failures AND successes (a success resets the counts), so
// the partial "failures only" index is not enough.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index login_attempts_email_all on login_attempts (email, at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index login_attempts_email_all');
};
