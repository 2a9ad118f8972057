// @ts-check
// The ledger's time (docs/decisions/0029): when a movement takes effect. For a post it is
// clock_timestamp() taken after the post has locked its balance rows, so for one item at one
// place time order is lock order; for a dated count it is when the count was taken.
// created_at stays what it was: when the recording transaction began. Rows from before this
// column have none and take effect at created_at: the ledger may not be rewritten (0011's
// guard refuses UPDATE and table rewrites), so the time of a row is
// coalesce(effective_at, created_at) everywhere (LEDGER_TIME in the backend).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('alter table movements add column effective_at timestamptz');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table movements drop column effective_at');
};
