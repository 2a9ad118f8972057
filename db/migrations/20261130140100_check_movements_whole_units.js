// @ts-check
// Units that cannot be split take whole numbers: a movement of an item counted in each, box,
// pack, pair, set or roll must have no fraction in its quantity, delta or counted quantity.
// A CHECK cannot look at another table (the unit is on items), so a trigger backs the rule.
// The API checks first (422 WHOLE_UNITS_ONLY under the item's row lock); this refuses writes
// that bypass it. The list is a frozen copy of COUNTABLE_UNITS (backend/src/lib/units.ts) as
// of this migration: a unit added there later needs a migration here too. Rows already in
// the ledger are left as they are (append-only); only new rows are checked.

const COUNTABLE = ['each', 'box', 'pack', 'pair', 'set', 'roll'];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function movements_check_whole_units() returns trigger language plpgsql as $$
    declare
      item_unit text;
    begin
      select unit into item_unit from items where id = new.item_id;
      if item_unit in (${COUNTABLE.map((u) => `'${u}'`).join(', ')})
         and (new.quantity <> trunc(new.quantity)
              or coalesce(new.delta <> trunc(new.delta), false)
              or coalesce(new.counted_quantity <> trunc(new.counted_quantity), false)) then
        raise exception 'item % is counted in %: movements take whole numbers only', new.item_id, item_unit
          using errcode = 'check_violation', constraint = 'movements_whole_units';
      end if;
      return new;
    end $$
  `);
  await knex.raw(`
    create trigger movements_whole_units before insert on movements
    for each row execute function movements_check_whole_units()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger movements_whole_units on movements');
  await knex.raw('drop function movements_check_whole_units()');
};
