// @ts-check
// Every new row has its own time. NOT VALID: the rows from before the column keep none (they
// take effect at created_at), and checking them would need the rewrite the ledger refuses.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`alter table movements add constraint movements_effective_at_set
    check (effective_at is not null) not valid`);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table movements drop constraint movements_effective_at_set');
};
