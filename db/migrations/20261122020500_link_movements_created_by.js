// @ts-check
// Movements record their author: created_by (until now an unused column) points at a user.
// Existing rows are null; NOT VALID + VALIDATE avoids holding a long lock on a big ledger.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    alter table movements add constraint movements_created_by_fkey
      foreign key (created_by) references users (id) on delete restrict not valid
  `);
  await knex.raw('alter table movements validate constraint movements_created_by_fkey');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table movements drop constraint movements_created_by_fkey');
};
