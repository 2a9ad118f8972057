// @ts-check
// Locations form a tree (warehouse → zone → bin). A trigger refuses any parent change that
// would make a cycle, so the tree holds whatever the API does.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table locations (
      id bigint generated always as identity primary key,
      code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
      name text not null check (char_length(name) between 1 and 200 and name = btrim(name)),
      description text check (char_length(description) <= 2000),
      parent_id bigint references locations (id) on delete restrict,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint locations_not_own_parent check (parent_id <> id)
    )
  `);
  await knex.raw('create unique index locations_code_lower_key on locations (lower(code))');
  await knex.raw('create index locations_parent_id on locations (parent_id)');
  await knex.raw('create index locations_code_trgm on locations using gin (code gin_trgm_ops)');
  await knex.raw('create index locations_name_trgm on locations using gin (name gin_trgm_ops)');
  await knex.raw(`
    create function locations_prevent_cycle() returns trigger language plpgsql as $$
    begin
      if new.parent_id is not null and exists (
        with recursive ancestors(id) as (
          select new.parent_id
          union
          select l.parent_id from locations l join ancestors a on l.id = a.id
          where l.parent_id is not null
        )
        select 1 from ancestors where id = new.id
      ) then
        raise exception 'location % cannot be placed under its own descendant %', new.id, new.parent_id
          using errcode = '23514', constraint = 'locations_no_cycle';
      end if;
      return new;
    end $$
  `);
  await knex.raw(`
    create trigger locations_prevent_cycle before insert or update of parent_id on locations
    for each row execute function locations_prevent_cycle()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('locations');
  await knex.raw('drop function locations_prevent_cycle()');
};
