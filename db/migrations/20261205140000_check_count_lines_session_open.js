// @ts-check
// A count line may only be added to an open session (docs/decisions/0030). The API checks
// first (409 under the session's row lock); this backs the rule for writes that bypass it,
// as a CHECK cannot look at count_sessions. Only inserts are checked: approval itself
// updates the winning lines (expected quantity, adjustment, movement) as it closes the session.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create function count_lines_check_session_open() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from count_sessions where id = new.session_id and status = 'open') then
        raise exception 'count session % is not open: no more lines may be added', new.session_id
          using errcode = 'check_violation', constraint = 'count_lines_session_open';
      end if;
      return new;
    end $$
  `);
  await knex.raw(`
    create trigger count_lines_session_open before insert on count_lines
    for each row execute function count_lines_check_session_open()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger count_lines_session_open on count_lines');
  await knex.raw('drop function count_lines_check_session_open()');
};
