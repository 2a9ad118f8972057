// @ts-check
// Like the ledger, the audit trail refuses to change or lose rows, whoever asks.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = '42501';
    end $$
  `);
  await knex.raw(`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()
  `);
  await knex.raw(`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger audit_log_no_truncate on audit_log');
  await knex.raw('drop trigger audit_log_append_only on audit_log');
  await knex.raw('drop function audit_log_refuse_change()');
};
