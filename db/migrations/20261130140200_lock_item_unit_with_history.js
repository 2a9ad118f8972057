// @ts-check
// An item's unit is what every recorded quantity of it means: once it has movements (or
// stock) the unit cannot change, or "12" would silently turn from 12 each into 12 kg. The
// API refuses first (409 ITEM_UNIT_LOCKED under the item's row lock); this trigger refuses
// writes that bypass it. A CHECK cannot look at other tables, hence a trigger.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function items_refuse_unit_change() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from movements where item_id = new.id)
         or exists (select 1 from stock_levels where item_id = new.id and quantity <> 0) then
        raise exception 'item % has stock or movements in %: its unit cannot change', new.id, old.unit
          using errcode = 'check_violation', constraint = 'items_unit_locked';
      end if;
      return new;
    end $$
  `);
  await knex.raw(`
    create trigger items_unit_locked before update of unit on items
    for each row when (old.unit is distinct from new.unit)
    execute function items_refuse_unit_change()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger items_unit_locked on items');
  await knex.raw('drop function items_refuse_unit_change()');
};
