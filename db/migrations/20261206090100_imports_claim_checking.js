// @ts-check
// The job loop also claims imports whose mapping waits to be checked (status 'checking'):
// the claim's partial index covers them too.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('drop index imports_claim');
  await knex.raw(
    "create index imports_claim on imports (id) where status in ('queued', 'running', 'checking')",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index imports_claim');
  await knex.raw(
    "create index imports_claim on imports (id) where status in ('queued', 'running')",
  );
};
