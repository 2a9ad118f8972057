import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { isListening, startServerProcess } from './support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('startup', () => {
  const databases: TestDatabase[] = [];
  const fresh = async (options?: { empty?: boolean }) => {
    const db = await createTestDatabase(options);
    databases.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  test('when the database is empty, then migrations run and complete before the server listens', async () => {
    const db = await fresh({ empty: true });
    const server = await startServerProcess({ DATABASE_URL: db.url });
    await server.waitForLog(isListening);
    const migrated = server.logs.findIndex((l) => l.msg === 'database migrations complete');
    const listening = server.logs.findIndex(isListening);
    expect(migrated).toBeGreaterThanOrEqual(0);
    expect(migrated).toBeLessThan(listening);
    expect(server.logs[migrated]!.applied).toEqual(
      expect.arrayContaining(['20261122000100_create_app_settings.js']),
    );
    expect(await db.admin.raw('select 1').then(() => true)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/ready`);
    expect(res.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  test('when a migration fails, then the server logs the error, exits non-zero and never listens', async () => {
    const db = await fresh({ empty: true });
    const dir = await mkdtemp(path.join(tmpdir(), 'stockroom-migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(
      path.join(dir, '20991231000000_broken.js'),
      "exports.up = (knex) => knex.raw('select * from no_such_table'); exports.down = async () => {};",
    );
    const server = await startServerProcess({ DATABASE_URL: db.url, MIGRATIONS_DIR: dir });
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.logs.some(isListening)).toBe(false);
    const failure = server.logs.find((l) => l.msg?.startsWith('startup failed'));
    expect(JSON.stringify(failure)).toContain('no_such_table');
    // The batch ran in one transaction: not even the first, valid migration is left behind.
    const { default: knex } = await import('knex');
    const conn = knex({ client: 'pg', connection: db.url });
    expect(await conn.schema.hasTable('app_settings')).toBe(false);
    await conn.destroy();
  });

  test('when the database holds migrations this code does not know, then it refuses to start and says why', async () => {
    const db = await fresh();
    const { default: knex } = await import('knex');
    const conn = knex({ client: 'pg', connection: db.url });
    await conn('knex_migrations').insert({
      name: '20991231000000_from_the_future.js',
      batch: 99,
      migration_time: new Date(),
    });
    await conn.destroy();
    const server = await startServerProcess({ DATABASE_URL: db.url });
    expect((await server.exited).code).toBe(1);
    const failure = server.logs.find((l) => l.msg?.startsWith('startup failed'));
    expect(JSON.stringify(failure)).toContain('newer than this version of Stockroom');
    expect(JSON.stringify(failure)).toContain('20991231000000_from_the_future.js');
  });

  test('when the database is not accepting connections yet, then startup retries and listens once it is', async () => {
    const db = await fresh({ empty: true });
    await db.admin.raw('alter database ?? with allow_connections false', [db.name]);
    const server = await startServerProcess({
      DATABASE_URL: db.url,
      DB_CONNECT_TIMEOUT_MS: '20000',
    });
    await server.waitForLog((l) => l.msg === 'database not reachable yet, retrying');
    await db.admin.raw('alter database ?? with allow_connections true', [db.name]);
    await server.waitForLog(isListening);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });

  test('when the database never comes, then startup gives up after DB_CONNECT_TIMEOUT_MS and exits 1', async () => {
    const db = await fresh({ empty: true });
    await db.admin.raw('alter database ?? with allow_connections false', [db.name]);
    const started = Date.now();
    const server = await startServerProcess({
      DATABASE_URL: db.url,
      DB_CONNECT_TIMEOUT_MS: '1500',
    });
    expect((await server.exited).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.logs.some(isListening)).toBe(false);
    await db.admin.raw('alter database ?? with allow_connections true', [db.name]);
  });

  test('when the configuration is bad, then it exits 1 naming every bad variable', async () => {
    const server = await startServerProcess({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DB_POOL_MAX: '0',
    });
    expect((await server.exited).code).toBe(1);
    const message = server.stderr();
    expect(message).toContain('Invalid configuration');
    expect(message).toMatch(/PORT: .*"eighty"/);
    expect(message).toMatch(/LOG_LEVEL: .*"loud"/);
    expect(message).toMatch(/DB_POOL_MAX: must be at least 1/);
  });
});
