-- The database the API uses: its objects belong to the API's role, the append-only ledger
-- is guarded against that role, and the few things that need more than ownership are done
-- here, by the administrative role.
--
-- Run connected to the application database, after 01-app-role.sql, at every start;
-- idempotent. Parameter: setting stockroom.app_user.

-- Trusted, but CREATE on the database is more than the API needs: installed here, so the
-- migration that asks for it finds it present.
create extension if not exists pg_trgm;

do $$
declare
  app constant text := current_setting('stockroom.app_user');
  obj record;
begin
  execute format('grant connect, temporary on database %I to %I', current_database(), app);
  execute format('grant usage, create on schema public to %I', app);

  -- Existing installs ran the API as the superuser, which owns everything: hand the
  -- application's objects to the API's role. Extension members stay with the extension;
  -- sequences owned by a column follow their table.
  for obj in
    select c.oid::regclass::text as name,
      case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
        when 'S' then 'sequence' when 'f' then 'foreign table' when 'c' then 'type'
        else 'table' end as kind
    from pg_class c
    where c.relnamespace = 'public'::regnamespace
      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')
      and c.relowner <> (select oid from pg_roles where rolname = app)
      and not exists (select from pg_depend d
        where d.classid = 'pg_class'::regclass and d.objid = c.oid
          and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
  loop
    execute format('alter %s %s owner to %I', obj.kind, obj.name, app);
  end loop;
  for obj in
    select p.oid::regprocedure::text as name
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and p.proowner <> (select oid from pg_roles where rolname = app)
      and not exists (select from pg_depend d
        where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('alter routine %s owner to %I', obj.name, app);
  end loop;
  for obj in
    select t.oid::regtype::text as name
    from pg_type t
    where t.typnamespace = 'public'::regnamespace
      and t.typtype in ('e', 'd', 'r')
      and t.typowner <> (select oid from pg_roles where rolname = app)
      and not exists (select from pg_depend d
        where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
  loop
    execute format('alter type %s owner to %I', obj.name, app);
  end loop;
end $$;

-- The ledger guard. An owner may normally disable, drop or replace a table's triggers, or
-- rewrite its rows with ALTER TABLE … TYPE … USING, none of which fires the append-only
-- triggers. This event trigger refuses exactly that to every role but a superuser, so the
-- rules of movements and audit_log hold against the API's own role. Only a superuser can
-- drop or disable an event trigger, and a non-superuser cannot switch them off
-- (event_triggers, session_replication_role are superuser settings).
-- See docs/decisions/0011-database-roles.md.
create schema if not exists stockroom_guard;
-- The guard runs as whoever issues the DDL, so everyone may use (not create in) its schema.
revoke all on schema stockroom_guard from public;
grant usage on schema stockroom_guard to public;

-- The append-only tables that exist (none before their migrations ran).
create or replace function stockroom_guard.ledger_tables() returns table (oid oid, name text)
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  select to_regclass(n)::oid, n
  from unnest(array['public.movements', 'public.audit_log']) n
  where to_regclass(n) is not null
$$;

-- What is wrong with the append-only triggers (migrations *_append_only) right now: each
-- one, once it exists, must call its function for the same events, without a WHEN or a
-- column list, enabled (O = origin/local, A = always; D = disabled, R = replica only), and
-- stay on its table. No rows = intact.
create or replace function stockroom_guard.ledger_trigger_problems()
returns table (trigger_name text, table_name text, problem text)
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  with expected (tbl, trg, fn, typ) as (values
    -- tgtype bits: 1 row, 2 before, 8 delete, 16 update, 32 truncate
    ('public.movements', 'movements_append_only', 'public.movements_refuse_change()', 27),
    ('public.movements', 'movements_no_truncate', 'public.movements_refuse_change()', 34),
    ('public.audit_log', 'audit_log_append_only', 'public.audit_log_refuse_change()', 27),
    ('public.audit_log', 'audit_log_no_truncate', 'public.audit_log_refuse_change()', 34))
  select t.tgname::text, t.tgrelid::regclass::text,
    case
      when t.tgenabled not in ('O', 'A') then 'disabling'
      when t.tgrelid is distinct from to_regclass(e.tbl) then 'moving'
      when t.tgfoid is distinct from to_regprocedure(e.fn) then 'replacing the function of'
      else 'changing'
    end
  from expected e
  join pg_trigger t on t.tgname = e.trg
    and (t.tgrelid = to_regclass(e.tbl) or t.tgfoid = to_regprocedure(e.fn))
  where t.tgenabled not in ('O', 'A')
     or t.tgrelid is distinct from to_regclass(e.tbl)
     or t.tgfoid is distinct from to_regprocedure(e.fn)
     or t.tgtype <> e.typ
     or t.tgqual is not null
     or t.tgattr::text <> ''
$$;

create or replace function stockroom_guard.protect_ledger() returns event_trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  refused text;
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    return;
  end if;

  if tg_event = 'table_rewrite' then
    -- ALTER TABLE … TYPE … USING, a volatile default, SET LOGGED: rows change, no trigger fires.
    if pg_event_trigger_table_rewrite_oid() in (select t.oid from stockroom_guard.ledger_tables() t) then
      refused := format('rewriting %s', pg_event_trigger_table_rewrite_oid()::regclass);
    end if;

  elsif tg_event = 'sql_drop' then
    select format('dropping %s %s', d.object_type, d.object_identity) into refused
    from pg_event_trigger_dropped_objects() d
    where d.object_type in ('table', 'table column', 'trigger', 'rule')
      and d.address_names[1] || '.' || d.address_names[2] in ('public.movements', 'public.audit_log')
    limit 1;

  else -- ddl_command_end, after any CREATE/ALTER/…: the guard triggers must still be intact.
    select format('changing %s', c.object_identity) into refused
    from pg_event_trigger_ddl_commands() c
    where (c.classid = 'pg_proc'::regclass
           and c.objid in (select t.tgfoid from pg_trigger t
                           where t.tgrelid in (select l.oid from stockroom_guard.ledger_tables() l)))
       or (c.command_tag = 'ALTER TRIGGER'
           and c.objid in (select t.oid from pg_trigger t
                           where t.tgrelid in (select l.oid from stockroom_guard.ledger_tables() l)))
    limit 1;
    if refused is null then
      select format('%s: trigger %s on %s', problem, g.trigger_name, g.table_name) into refused
      from stockroom_guard.ledger_trigger_problems() g
      limit 1;
    end if;
  end if;

  if refused is not null then
    raise exception 'the ledger is append-only: % is not allowed for role %', refused, current_user
      using errcode = '42501',
            hint = 'Changes to the movements and audit_log tables need the administrative role.';
  end if;
end $$;

do $$
declare
  event text;
begin
  foreach event in array array['ddl_command_end', 'sql_drop', 'table_rewrite'] loop
    if not exists (select from pg_event_trigger where evtname = 'stockroom_protect_ledger_' || event) then
      execute format('create event trigger %I on %s execute function stockroom_guard.protect_ledger()',
                     'stockroom_protect_ledger_' || event, event);
    end if;
    -- Always, also in replica mode.
    execute format('alter event trigger %I enable always', 'stockroom_protect_ledger_' || event);
  end loop;
end $$;
