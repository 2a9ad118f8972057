// @ts-check
// The ledger: append-only. Which locations a movement names depends on its kind; every
// movement's effect is +quantity at to_location and -quantity at from_location.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table movements (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('receive', 'ship', 'transfer', 'adjust', 'count')),
      item_id bigint not null references items (id) on delete restrict,
      from_location_id bigint references locations (id) on delete restrict,
      to_location_id bigint references locations (id) on delete restrict,
      quantity numeric(14, 3) not null check (quantity >= 0),
      delta numeric(14, 3),
      counted_quantity numeric(14, 3) check (counted_quantity >= 0),
      reference text check (char_length(reference) between 1 and 100),
      note text check (char_length(note) between 1 and 1000),
      reverses_movement_id bigint unique references movements (id) on delete restrict,
      idempotency_key text unique check (char_length(idempotency_key) between 1 and 200),
      request_hash text,
      created_by bigint,
      created_at timestamptz not null default now(),
      constraint movements_locations_by_kind check (
        case kind
          when 'receive' then from_location_id is null and to_location_id is not null
          when 'ship' then from_location_id is not null and to_location_id is null
          when 'transfer' then from_location_id is not null and to_location_id is not null
            and from_location_id <> to_location_id
          else num_nonnulls(from_location_id, to_location_id) = 1
        end
      ),
      constraint movements_quantity_by_kind check (kind = 'count' or quantity > 0),
      constraint movements_delta_by_kind check (
        case
          when kind = 'adjust' then delta <> 0
            and delta = case when to_location_id is not null then quantity else -quantity end
          when kind = 'count' then delta is not null
            and delta = case when to_location_id is not null then quantity else -quantity end
          else delta is null
        end
      ),
      constraint movements_counted_by_kind check ((kind = 'count') = (counted_quantity is not null)),
      constraint movements_key_has_hash check ((idempotency_key is null) = (request_hash is null))
    )
  `);
  await knex.raw('create index movements_item_id on movements (item_id, id desc)');
  await knex.raw(
    'create index movements_from_location on movements (from_location_id, id desc) where from_location_id is not null',
  );
  await knex.raw(
    'create index movements_to_location on movements (to_location_id, id desc) where to_location_id is not null',
  );
  await knex.raw('create index movements_kind on movements (kind, id desc)');
  await knex.raw(
    'create index movements_reference on movements (reference, id desc) where reference is not null',
  );
  await knex.raw('create index movements_created_at on movements (created_at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('movements');
};
