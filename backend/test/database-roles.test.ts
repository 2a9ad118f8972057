// Least privilege in the database (docs/decisions/0011-database-roles.md): the API's role owns
// the application's objects and nothing more, and cannot get around the append-only ledger.
import knex, { type Knex } from 'knex';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import { provisionAppDatabase, provisionAppRole } from '../src/lib/provision';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_APP_ROLE, withRole } from './support/urls';

const silent = createLogger({ logLevel: 'silent' });
const connect = (url: string) => knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });

/** Rejected with SQLSTATE 42501 (insufficient_privilege), whatever the message. */
async function refused(query: Promise<unknown>, message?: RegExp): Promise<void> {
  const error = (await query.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; message?: string } | null;
  expect(error).not.toBeNull();
  expect(`${error?.code}: ${error?.message}`).toMatch(/^42501: /);
  if (message) expect(error?.message).toMatch(message);
}

/** Public objects (relations, routines, types) not owned by `role`, extension members aside. */
async function notOwnedBy(db: Knex, role: string): Promise<string[]> {
  const { rows } = await db.raw<{ rows: { name: string }[] }>(
    `select c.oid::regclass::text as name from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relowner <> to_regrole(?)
         and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                           and d.objid = c.oid and d.deptype = 'e')
     union all
     select p.oid::regprocedure::text from pg_proc p
       where p.pronamespace = 'public'::regnamespace and p.proowner <> to_regrole(?)
         and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                           and d.objid = p.oid and d.deptype = 'e')`,
    [role, role],
  );
  return rows.map((r) => r.name).sort();
}

async function guardProblems(db: Knex): Promise<unknown[]> {
  const { rows } = await db.raw<{ rows: unknown[] }>(
    'select * from stockroom_guard.ledger_trigger_problems()',
  );
  return rows;
}

describe("the API's database role", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Rows to refuse changing: a movement (and its stock) and an audit entry.
    const item = await createItem(t.as('admin'));
    await receive(t.as('admin'), item, await createLocation(t.as('admin')), 5);
    await t.db('audit_log').insert({ action: 'test.entry' });
  });
  afterAll(() => t.close());

  test('when the API connects, then it is the app role: no superuser, CREATEROLE, CREATEDB or memberships', async () => {
    const { rows } = await t.db.raw<{ rows: Record<string, unknown>[] }>(
      `select current_user as role, rolsuper, rolcreaterole, rolcreatedb, rolreplication,
              rolbypassrls, (select count(*)::int from pg_auth_members where member = r.oid) as memberships,
              pg_has_role(current_user, 'pg_read_server_files', 'usage') as reads_files,
              pg_has_role(current_user, 'pg_execute_server_program', 'usage') as runs_programs
       from pg_roles r where rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      role: TEST_APP_ROLE.user,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      memberships: 0,
      reads_files: false,
      runs_programs: false,
    });
    await refused(t.db.raw('create role stockroom_intruder superuser'));
    await refused(t.db.raw(`alter role ${TEST_APP_ROLE.user} superuser`));
    await refused(t.db.raw('create database stockroom_intruder'));
  });

  test('when the schema was migrated, then every application object belongs to the app role, the database does not', async () => {
    expect(await notOwnedBy(t.db, TEST_APP_ROLE.user)).toEqual([]);
    const { rows } = await t.db.raw<{ rows: { owns: boolean }[] }>(
      'select datdba = to_regrole(current_user) as owns from pg_database where datname = current_database()',
    );
    expect(rows[0]?.owns).toBe(false);
  });

  test('when the app role tries to disable, drop, rename or replace an append-only trigger, then the guard refuses', async () => {
    for (const sql of [
      'alter table movements disable trigger movements_append_only',
      'alter table movements disable trigger user',
      'alter table movements enable replica trigger movements_append_only',
      'alter table audit_log disable trigger audit_log_no_truncate',
      'drop trigger movements_append_only on movements',
      'drop trigger audit_log_append_only on audit_log',
      'alter trigger movements_append_only on movements rename to harmless',
      `create or replace trigger movements_append_only before insert on movements
         for each row execute function movements_refuse_change()`,
      `create or replace function movements_refuse_change() returns trigger language plpgsql
         as $$ begin return coalesce(new, old); end $$`,
      'alter function audit_log_refuse_change() rename to anything_else',
      'alter table movements rename to old_movements',
      'drop table movements cascade',
      'alter table audit_log drop column before',
      // Rewrites every row without firing a row trigger.
      'alter table movements alter column quantity type numeric(14, 3) using quantity * 2',
    ])
      await refused(t.db.raw(sql), /append-only/);
    // ALL includes the foreign keys' system triggers: PostgreSQL itself refuses that.
    await refused(t.db.raw('alter table movements disable trigger all'));
    expect(await guardProblems(t.db)).toEqual([]);
  });

  test('when the app role tries to switch triggers or event triggers off for its session, then PostgreSQL refuses', async () => {
    await refused(t.db.raw('set session_replication_role = replica'));
    await refused(t.db.raw('set event_triggers = off'));
    await refused(t.db.raw('alter event trigger stockroom_protect_ledger_ddl_command_end disable'));
    await refused(t.db.raw('drop event trigger stockroom_protect_ledger_sql_drop'));
    await refused(
      t.db.raw(`create or replace function stockroom_guard.ledger_tables()
                returns table (oid oid, name text) language sql as $$ select 0::oid, '' $$`),
    );
  });

  test('when the app role tries to UPDATE, DELETE or TRUNCATE the ledger or the audit log, then it is refused', async () => {
    await refused(t.db('movements').update({ note: 'rewritten' }), /append-only/);
    await refused(t.db('movements').delete(), /append-only/);
    await refused(t.db.raw('truncate movements cascade'), /append-only/);
    await refused(t.db('audit_log').update({ action: 'test.rewritten' }), /append-only/);
    await refused(t.db('audit_log').delete(), /append-only/);
    await refused(t.db.raw('truncate audit_log'), /append-only/);
    expect(await t.db('movements').whereNotNull('note').count({ n: '*' })).toEqual([{ n: '0' }]);
    expect(await t.db('audit_log').where({ action: 'test.entry' }).count({ n: '*' })).toEqual([
      { n: '1' },
    ]);
  });

  test('when the app role tries to read server files or run programs, then PostgreSQL refuses', async () => {
    await refused(t.db.raw("select pg_read_file('/etc/passwd')"));
    await refused(t.db.raw("select pg_read_binary_file('/etc/passwd')"));
    await refused(t.db.raw("select pg_ls_dir('/')"));
    await refused(t.db.raw("select lo_import('/etc/passwd')"));
    await refused(t.db.raw("copy audit_log (action) from '/etc/passwd'"));
    await refused(t.db.raw("copy audit_log (action) from program 'id'"));
    await refused(t.db.raw("copy (select 1) to program 'touch /tmp/stockroom-pwned'"));
  });

  test('when a superuser changes the ledger table, then the guard lets it (restores, repairs)', async () => {
    const admin = connect(t.database.adminUrl);
    try {
      await admin.raw('alter table movements disable trigger movements_append_only');
      expect(await guardProblems(t.db)).toHaveLength(1);
      await admin.raw('alter table movements enable trigger movements_append_only');
      expect(await guardProblems(t.db)).toEqual([]);
    } finally {
      await admin.destroy();
    }
  });
});

describe('provisioning the database roles', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  test('when the app role migrates a provisioned empty database, then every migration runs and the guard holds', async () => {
    const app = connect(database.url);
    try {
      const status = await runMigrations(app, DEFAULT_MIGRATIONS_DIR, silent);
      expect(status.pending).toEqual([]);
      expect(await notOwnedBy(app, TEST_APP_ROLE.user)).toEqual([]);
      await refused(app.raw('alter table movements disable trigger user'), /append-only/);
    } finally {
      await app.destroy();
    }
  });
});

describe('upgrading an install whose API ran as the superuser', () => {
  let database: TestDatabase;
  const oldRole = { user: 'stockroom_app_upgrade', password: 'an old password' };
  const newRole = { user: oldRole.user, password: 'a new password' };
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await database.drop();
    await database.admin.raw('drop role if exists ??', [oldRole.user]).catch(() => undefined);
  });

  test('when provisioning runs on it, then its objects move to the app role, which can migrate and write, and it is repeatable', async () => {
    const admin = connect(database.adminUrl);
    try {
      // The old way: the superuser migrates, so it owns everything, and a role that existed
      // before with too much (a membership) is brought back to what it should be.
      await admin.raw('drop event trigger if exists stockroom_protect_ledger_ddl_command_end');
      await admin.raw('drop event trigger if exists stockroom_protect_ledger_sql_drop');
      await admin.raw('drop event trigger if exists stockroom_protect_ledger_table_rewrite');
      await admin.raw('drop schema stockroom_guard cascade');
      await runMigrations(admin, DEFAULT_MIGRATIONS_DIR, silent);
      await admin('audit_log').insert({ action: 'old.entry' });
      await admin.raw("create role ?? login createrole password 'x'", [oldRole.user]);
      await admin.raw('grant pg_read_server_files to ??', [oldRole.user]);
      expect(await notOwnedBy(admin, oldRole.user)).not.toEqual([]);

      for (let run = 1; run <= 2; run++) {
        await provisionAppRole(admin, run === 1 ? oldRole : newRole);
        await provisionAppDatabase(admin, newRole);
      }
    } finally {
      await admin.destroy();
    }

    const app = connect(withRole(database.adminUrl, newRole));
    try {
      expect(await notOwnedBy(app, newRole.user)).toEqual([]);
      const { rows } = await app.raw<{ rows: Record<string, unknown>[] }>(
        `select rolcreaterole, pg_has_role(current_user, 'pg_read_server_files', 'usage') as reads
         from pg_roles where rolname = current_user`,
      );
      expect(rows[0]).toEqual({ rolcreaterole: false, reads: false });
      expect((await runMigrations(app, DEFAULT_MIGRATIONS_DIR, silent)).pending).toEqual([]);
      await app('audit_log').insert({ action: 'new.entry' });
      expect(await app('audit_log').count({ n: '*' })).toEqual([{ n: '2' }]);
      await refused(app.raw('alter table audit_log disable trigger user'), /append-only/);
      await refused(app('audit_log').delete(), /append-only/);
    } finally {
      await app.destroy();
    }
  });
});
