// @ts-check
// Every count entered in a session, never updated while it is open: a recount is a new line
// and the latest line (highest id) for an (item, location) is the one that counts; the older
// ones stay as the session's history. On approval the winning lines get what was posted:
// the balance as of counted_at, the adjustment and its movement.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table count_lines (
      id bigint generated always as identity primary key,
      session_id bigint not null references count_sessions (id) on delete cascade,
      item_id bigint not null references items (id) on delete restrict,
      location_id bigint not null references locations (id) on delete restrict,
      counted_quantity numeric(14, 3) not null check (counted_quantity >= 0),
      counted_at timestamptz not null,
      counted_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      expected_quantity numeric(14, 3),
      adjustment numeric(15, 3),
      movement_id bigint references movements (id) on delete restrict,
      skipped text check (skipped in ('item_archived', 'superseded')),
      constraint count_lines_posted check (movement_id is null or adjustment is not null)
    )
  `);
  await knex.raw(
    'create index count_lines_latest on count_lines (session_id, item_id, location_id, id desc)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('count_lines');
};
