// @ts-check
// One uploaded file on its way in (docs/decisions/0027): what was found in it, the mapping
// chosen, the preview, and the job that dry-runs or commits it. The job's claim is a lease
// (status running + lease_until) so any replica can run it and a crashed one is retried.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table imports (
      id bigint generated always as identity primary key,
      file_name text not null check (char_length(file_name) between 1 and 255),
      format text not null check (format in ('csv', 'xlsx')),
      file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
      sheets text[] not null default '{}',
      sheet text,
      delimiter text,
      headers text[] not null default '{}',
      row_count integer not null default 0 check (row_count >= 0),
      empty_lines integer not null default 0 check (empty_lines >= 0),
      status text not null default 'staged'
        check (status in ('staged', 'mapped', 'queued', 'running', 'committed', 'failed', 'cancelled')),
      mapping jsonb,
      preview jsonb,
      dry_run boolean,
      confirm_repeat boolean not null default false,
      done integer not null default 0,
      total integer not null default 0,
      started_at timestamptz,
      finished_at timestamptz,
      error text check (char_length(error) <= 2000),
      result jsonb,
      lease_until timestamptz,
      attempts integer not null default 0,
      cancel_requested boolean not null default false,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `);
  // The job loop's claim: queued jobs, and running ones whose lease ran out.
  await knex.raw(
    "create index imports_claim on imports (id) where status in ('queued', 'running')",
  );
  // A committed file's hash (receive mode refuses the same content twice unless confirmed).
  await knex.raw(
    "create index imports_committed_hash on imports (file_hash) where status = 'committed'",
  );
  await knex.raw('create index imports_by_user on imports (created_by, id desc)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('imports');
};
