// @ts-check
// Each deleted location or totals row leaves a removal (20261205100500) in the same
// transaction. An insert: nothing another transaction waits on.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function note_location_tree_removal() returns trigger language plpgsql as $$
    begin
      -- One statement per table: plpgsql resolves old's fields when it first runs a statement.
      if tg_table_name = 'locations' then
        insert into location_tree_removals (location_id) values (old.id);
      else
        insert into location_tree_removals (location_id) values (old.location_id);
      end if;
      return null;
    end $$
  `);
  await knex.raw(`
    create trigger locations_tree_removal after delete on locations
    for each row execute function note_location_tree_removal()
  `);
  await knex.raw(`
    create trigger location_stock_totals_tree_removal after delete on location_stock_totals
    for each row execute function note_location_tree_removal()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger location_stock_totals_tree_removal on location_stock_totals');
  await knex.raw('drop trigger locations_tree_removal on locations');
  await knex.raw('drop function note_location_tree_removal()');
};
