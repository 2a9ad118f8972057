// @ts-check
// Data: the last count of every item × location counted before last_counts existed, from the
// ledger (the newest count in the ledger's time, docs/decisions/0029, wins; ties on time go to
// the later movement).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    insert into last_counts (item_id, location_id, movement_id, counted_at)
    select distinct on (item_id, location_id)
           item_id, coalesce(to_location_id, from_location_id) as location_id, id,
           coalesce(effective_at, created_at)
    from movements
    where kind = 'count'
      and not exists (select 1 from movements r where r.reverses_movement_id = movements.id)
    order by item_id, location_id, coalesce(effective_at, created_at) desc, id desc
    on conflict (item_id, location_id) do nothing
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('delete from last_counts');
};
