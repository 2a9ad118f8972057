// @ts-check
// The bell's list and unread count walk stock.low events in feed order (txid, id), newest
// first; partial, so other event types pay nothing for it.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create index events_stock_low_position on events (txid, id) where type = 'stock.low'
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index events_stock_low_position');
};
