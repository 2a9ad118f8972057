// @ts-check
// The transactional outbox (docs/decisions/0017): one row per change, written in the change's
// own transaction. `txid` orders the feed by commit safety: a reader only sees events whose
// transaction id is below the oldest still running (pg_snapshot_xmin), so a cursor never
// passes an event that commits later with a lower id.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table events (
      id bigint generated always as identity primary key,
      txid xid8 not null default pg_current_xact_id(),
      type text not null check (type ~ '^[a-z_]+\\.[a-z_]+$'),
      item_id bigint,
      occurred_at timestamptz not null default now(),
      data jsonb not null
    )
  `);
  await knex.raw('create index events_position on events (txid, id)');
  // BRIN, not btree: occurred_at grows with the table, so a block-range index finds old
  // rows for pruning at almost no cost to each insert (every post writes here).
  await knex.raw('create index events_occurred_at on events using brin (occurred_at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('events');
};
