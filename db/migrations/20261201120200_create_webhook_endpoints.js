// @ts-check
// Admin-registered receivers. Each keeps its own cursor into the outbox (fan-out happens in
// the background, so a movement post pays for one insert whatever the number of endpoints).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table webhook_endpoints (
      id bigint generated always as identity primary key,
      url text not null check (length(url) between 8 and 2000),
      description text not null default '' check (length(description) <= 200),
      event_types text[] not null check (cardinality(event_types) between 1 and 32),
      secret text not null,
      cursor_txid xid8 not null,
      cursor_id bigint not null default 0,
      consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
      disabled_at timestamptz,
      disabled_reason text,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('webhook_endpoints');
};
