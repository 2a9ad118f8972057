// @ts-check
// Stock of one item as of a moment, and a count's balance at the time it was taken: the
// item's movements after that moment, in ledger order.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'create index movements_item_effective_at on movements (item_id, (coalesce(effective_at, created_at)), id)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index movements_item_effective_at');
};
