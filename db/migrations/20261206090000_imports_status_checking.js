// @ts-check
// An import whose mapping is being checked (issue 13): PUT /imports/{id}/mapping queues the
// row checks and the preview as a job (docs/decisions/0027, amended 2026-12-01), like a dry
// run or commit; the import stays 'checking' while it waits and runs, so the job loop can
// claim it and a second mapping is refused.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    alter table imports drop constraint imports_status_check,
      add constraint imports_status_check check (status in (
        'staged', 'checking', 'mapped', 'queued', 'running', 'committed', 'failed', 'cancelled'))
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  // A check in flight has no preview yet: back to an import to map again.
  await knex.raw(
    "update imports set status = 'staged', preview = null, lease_until = null where status = 'checking'",
  );
  await knex.raw(`
    alter table imports drop constraint imports_status_check,
      add constraint imports_status_check check (status in (
        'staged', 'mapped', 'queued', 'running', 'committed', 'failed', 'cancelled'))
  `);
};
