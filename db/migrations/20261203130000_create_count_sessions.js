// @ts-check
// A stocktake (docs/decisions/0030): opened by a manager for a location subtree (location_id)
// or a list of items (count_session_items), counted by operators while stock keeps moving,
// then approved (adjustments posted with reference count:<id>) or cancelled. closed_* says
// who approved or cancelled it and when; an open session has neither.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table count_sessions (
      id bigint generated always as identity primary key,
      status text not null default 'open' check (status in ('open', 'approved', 'cancelled')),
      blind boolean not null default false,
      location_id bigint references locations (id) on delete restrict,
      note text check (char_length(note) between 1 and 1000),
      threshold_quantity numeric(14, 3) check (threshold_quantity >= 0),
      threshold_percent numeric(7, 2) check (threshold_percent between 0 and 10000),
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      closed_by bigint references users (id) on delete set null,
      closed_at timestamptz,
      constraint count_sessions_closed check ((status = 'open') = (closed_at is null))
    )
  `);
  await knex.raw('create index count_sessions_status on count_sessions (status, id desc)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('count_sessions');
};
