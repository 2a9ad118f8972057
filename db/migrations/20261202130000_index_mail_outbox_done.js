// @ts-check
// Sent and failed mail is pruned after MAIL_RETENTION_DAYS, oldest first, in batches: this
// index finds them without reading the pending rows (which are never pruned).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    "create index mail_outbox_done on mail_outbox (created_at) where status <> 'pending'",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index mail_outbox_done');
};
