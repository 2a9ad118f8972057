// @ts-check
// Every statement that adds, archives, restores or removes items appends its net change per
// archive state to item_count_deltas, in its own transaction: once per statement, from its
// transition tables (an import's 100,000 items are one row). A statement that moves no item
// between active and archived (an edit, an import's changes) appends nothing. A TRUNCATE sets
// the figures to zero; it is the one writer that touches item_counts itself.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function items_count_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        delete from item_count_deltas;
        update item_counts set items = 0 where items <> 0;
      elsif tg_op = 'INSERT' then
        insert into item_count_deltas (archived, items)
        select archived_at is not null, count(*) from counted_new group by 1;
      elsif tg_op = 'DELETE' then
        insert into item_count_deltas (archived, items)
        select archived_at is not null, -count(*) from counted_old group by 1;
      else
        insert into item_count_deltas (archived, items)
        select archived, sum(n)
        from (select archived_at is not null, 1 from counted_new
              union all
              select archived_at is not null, -1 from counted_old) e(archived, n)
        group by archived having sum(n) <> 0;
      end if;
      return null;
    end $$
  `);
  // A transition table exists only in the trigger that declares it: each branch above reads only
  // the tables its operation's trigger names.
  await knex.raw(`
    create trigger items_counted_insert after insert on items
    referencing new table as counted_new
    for each statement execute function items_count_change()
  `);
  await knex.raw(`
    create trigger items_counted_update after update on items
    referencing old table as counted_old new table as counted_new
    for each statement execute function items_count_change()
  `);
  await knex.raw(`
    create trigger items_counted_delete after delete on items
    referencing old table as counted_old
    for each statement execute function items_count_change()
  `);
  await knex.raw(`
    create trigger items_counted_truncate after truncate on items
    for each statement execute function items_count_change()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  for (const op of ['insert', 'update', 'delete', 'truncate'])
    await knex.raw(`drop trigger items_counted_${op} on items`);
  await knex.raw('drop function items_count_change()');
};
