// @ts-check
// The bell's per-user read state, part 2: single notifications read past the user's cursor
// (a row only when someone opens one). Rows go with their event when it is pruned, and "mark
// all read" deletes those the cursor now covers.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table notification_reads (
      user_id bigint not null references users (id) on delete cascade,
      event_id bigint not null references events (id) on delete cascade,
      read_at timestamptz not null default now(),
      primary key (user_id, event_id)
    )
  `);
  // The cascade from pruning events looks rows up by event.
  await knex.raw('create index notification_reads_event on notification_reads (event_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('notification_reads');
};
