// @ts-check
// The movement list filters by who recorded a movement (GET /movements?userId=), newest first:
// (created_by, id desc) serves that filter and its keyset pagination without scanning the ledger.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('create index movements_created_by_id_idx on movements (created_by, id desc)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index movements_created_by_id_idx');
};
