// @ts-check
// Every statement that adds, archives, restores or removes items appends its net change per
// archive state to item_count_deltas, in its own transaction: once per statement, from its
// transition tables (an import's 100,000 items are one row). A statement that moves no item
// between active and archived (an edit, an import's changes) appends nothing. A TRUNCATE sets
// the figures to zero; it is the one writer that touches item_counts itself.

const TRIGGERS = [
  ['insert', 'referencing new table as counted_new'],
  ['update', 'referencing old table as counted_old new table as counted_new'],
  ['delete', 'referencing old table as counted_old'],
  ['truncate', ''],
];

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
  for (const [op, referencing] of TRIGGERS)
    await knex.raw(`
      create trigger items_counted_${op} after ${op} on items ${referencing}
      for each statement execute function items_count_change()
    `);
  // The figures start from the items there are now. CREATE TRIGGER locked items against writes
  // until this migration commits, so no item lands between this count and the triggers (an API
  // replica still running the previous version waits here instead of going uncounted).
  await knex.raw(`
    update item_counts c
    set items = (select count(*) from items i where (i.archived_at is not null) = c.archived)
  `);
  await knex.raw('delete from item_count_deltas');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  for (const [op] of TRIGGERS) await knex.raw(`drop trigger items_counted_${op} on items`);
  await knex.raw('drop function items_count_change()');
};
