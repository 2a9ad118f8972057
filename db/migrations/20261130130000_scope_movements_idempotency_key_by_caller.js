// @ts-check
// An Idempotency-Key belongs to its caller: a user's browser session (created_by, no token),
// one API token (created_by = its creator, created_by_token_id), or the system (both null).
// The ledger already records both columns, so existing rows need no backfill (movements are
// append-only anyway). NULLS NOT DISTINCT makes "no token" one scope, not a wildcard.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create unique index movements_idempotency_key_per_caller
      on movements (created_by, created_by_token_id, idempotency_key) nulls not distinct
      where idempotency_key is not null
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index movements_idempotency_key_per_caller');
};
