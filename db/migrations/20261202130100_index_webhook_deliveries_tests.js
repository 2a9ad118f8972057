// @ts-check
// Test deliveries have no event, so they do not leave with their event when events are
// pruned; they are pruned on their own after EVENTS_RETENTION_DAYS, found by this index.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'create index webhook_deliveries_tests on webhook_deliveries (created_at) where event_id is null',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index webhook_deliveries_tests');
};
