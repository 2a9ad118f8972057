// @ts-check
// Marks each row with the writing transaction's id, in the write itself: the mark commits (or
// not) with the change, so a snapshot sees a change exactly when it sees its mark. A BEFORE
// trigger sets a column of the row being written: no other row and no lock is involved.
// Locations: only the tree's fields (as the version trigger, 20261203150100).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function mark_location_tree_change() returns trigger language plpgsql as $$
    begin
      new.tree_xid := pg_current_xact_id();
      return new;
    end $$
  `);
  await knex.raw(`
    create trigger locations_tree_xid before insert or update of code, name, parent_id, archived_at
    on locations for each row execute function mark_location_tree_change()
  `);
  await knex.raw(`
    create trigger location_stock_totals_tree_xid before insert or update
    on location_stock_totals for each row execute function mark_location_tree_change()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger location_stock_totals_tree_xid on location_stock_totals');
  await knex.raw('drop trigger locations_tree_xid on locations');
  await knex.raw('drop function mark_location_tree_change()');
};
