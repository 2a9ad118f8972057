// @ts-check
// The database itself refuses to change or remove ledger rows, whoever asks.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function movements_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'movements are append-only: % is not allowed; post a reversing movement instead', tg_op
        using errcode = '42501';
    end $$
  `);
  await knex.raw(`
    create trigger movements_append_only before update or delete on movements
    for each row execute function movements_refuse_change()
  `);
  await knex.raw(`
    create trigger movements_no_truncate before truncate on movements
    for each statement execute function movements_refuse_change()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger movements_no_truncate on movements');
  await knex.raw('drop trigger movements_append_only on movements');
  await knex.raw('drop function movements_refuse_change()');
};
