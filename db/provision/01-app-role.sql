-- The API's login role: owns the application's objects and nothing more.
--
-- Run by the administrative (superuser) role at every start of the stack (the db-provision
-- service) and by the tests' global setup, inside one transaction; idempotent. Parameters
-- come as settings: stockroom.app_user, stockroom.app_password (see
-- backend/src/lib/provision.ts).
do $$
declare
  app constant text := current_setting('stockroom.app_user');
  membership record;
begin
  if app = current_user then
    raise exception 'the API''s role (%) must not be the administrative role', app;
  end if;
  if not exists (select from pg_roles where rolname = app) then
    execute format('create role %I', app);
  end if;
  -- Whatever the role was before (e.g. hand-made), it ends up exactly like this. The
  -- password follows the configuration, so changing it in .env rotates it at the next start.
  execute format(
    'alter role %I with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls '
      'inherit connection limit -1 password %L',
    app, current_setting('stockroom.app_password'));
  -- No memberships at all: pg_read_server_files, pg_execute_server_program, the admin role…
  for membership in
    select r.rolname as role, g.rolname as grantor
    from pg_auth_members m
    join pg_roles r on r.oid = m.roleid
    join pg_roles g on g.oid = m.grantor
    where m.member = (select oid from pg_roles where rolname = app)
  loop
    execute format('revoke %I from %I granted by %I cascade', membership.role, app, membership.grantor);
  end loop;
  -- Role-wide settings could reintroduce anything (search_path tricks, …).
  execute format('alter role %I reset all', app);
end $$;
