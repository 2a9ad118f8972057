// @ts-check
// Every item still gets its item_totals row in the statement that inserts it, but once per
// statement from the transition table instead of once per row: an import of 100,000 items
// spent 3.8 s in 100,000 calls of the row trigger's single-row insert, and one set-based
// insert does the same in a fraction of it (docs/decisions/0033). A row written earlier in
// the same statement (an import's totals with their opening stock) is kept as it is, its
// reorder point corrected if it differs; a following migration takes INSERT off the row
// trigger. Lock order stays items → item_totals.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function items_make_totals() returns trigger language plpgsql as $$
    begin
      insert into item_totals (item_id, reorder_point)
      select id, reorder_point from made order by id
      on conflict (item_id) do update set reorder_point = excluded.reorder_point
        where item_totals.reorder_point is distinct from excluded.reorder_point;
      return null;
    end $$
  `);
  await knex.raw(`
    create trigger items_totals_made after insert on items
    referencing new table as made
    for each statement execute function items_make_totals()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger items_totals_made on items');
  await knex.raw('drop function items_make_totals()');
};
