// @ts-check
// Two callers may now use the same key (the per-caller index above keeps each caller's
// keys unique), so the table-wide unique constraint goes.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table movements drop constraint movements_idempotency_key_key');
};

/**
 * Fails (23505) once two callers have used the same key: those movements cannot be merged,
 * so going back is only possible while keys are still unique table-wide.
 * @param {import('knex').Knex} knex
 */
exports.down = async (knex) => {
  await knex.raw(
    'alter table movements add constraint movements_idempotency_key_key unique (idempotency_key)',
  );
};
