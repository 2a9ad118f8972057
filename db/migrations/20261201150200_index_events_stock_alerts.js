// @ts-check
// The bell lists stock.low events newest first and asks, per item, whether a later
// stock.restored resolved them. Partial, so a movement.posted insert (every post) does not
// touch it; only the rare crossing events do.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create index events_stock_alerts on events (item_id, id)
     where type in ('stock.low', 'stock.restored')
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index events_stock_alerts');
};
