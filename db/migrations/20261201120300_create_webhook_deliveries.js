// @ts-check
// One row per (endpoint, event) to deliver, with the outcome of its latest attempt. Claimed
// with a lease (leased_until) under FOR UPDATE SKIP LOCKED, so replicas never send the same
// delivery at once and a crash mid-delivery is retried when the lease runs out.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table webhook_deliveries (
      id bigint generated always as identity primary key,
      endpoint_id bigint not null references webhook_endpoints (id) on delete cascade,
      event_id bigint references events (id) on delete cascade,
      event_type text not null,
      -- Deliveries with the same key go out in id order (per item, else per event).
      ordering_key text not null,
      -- Only for test deliveries, which have no event.
      test_payload jsonb,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      leased_until timestamptz,
      last_attempt_at timestamptz,
      last_status integer,
      last_latency_ms integer,
      last_response text,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      check ((event_id is null) = (test_payload is not null))
    )
  `);
  await knex.raw(
    `create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id)
     where status = 'pending'`,
  );
  await knex.raw(
    `create index webhook_deliveries_order on webhook_deliveries (endpoint_id, ordering_key, id)
     where status = 'pending'`,
  );
  await knex.raw(
    'create index webhook_deliveries_log on webhook_deliveries (endpoint_id, id desc)',
  );
  await knex.raw('create index webhook_deliveries_event on webhook_deliveries (event_id)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('webhook_deliveries');
};
