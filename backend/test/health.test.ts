import { readdir } from 'node:fs/promises';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createTestApp, type TestApp } from './support/test-app';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when the process is up, then /api/health answers ok without touching the database', async () => {
    const res = await t.as('admin').get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('when the database is reachable and migrated, then /api/ready is 200 with every check ok', async () => {
    const res = await t.as('admin').get('/api/ready').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.database.status).toBe('ok');
    expect(res.body.checks.migrations).toMatchObject({ status: 'ok', pending: 0 });
    const files = (await readdir(DEFAULT_MIGRATIONS_DIR)).filter((f) => f.endsWith('.js')).sort();
    expect(res.body.checks.migrations.current).toBe(files.at(-1));
  });

  test('when the database becomes unreachable, then /api/ready is 503 naming the check, and recovers without a restart', async () => {
    const { admin, name } = t.database;
    await admin.raw('alter database ?? with allow_connections false', [name]);
    await admin.raw('select pg_terminate_backend(pid) from pg_stat_activity where datname = ?', [
      name,
    ]);
    try {
      const down = await t.as('admin').get('/api/ready').expect(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.body).toMatchObject({ status: 503, code: 'NOT_READY' });
      expect(down.body.checks.database.status).toBe('error');
      expect(down.body.detail).toContain('database');
    } finally {
      await admin.raw('alter database ?? with allow_connections true', [name]);
    }
    const up = await t.as('admin').get('/api/ready').expect(200);
    expect(up.body.status).toBe('ready');
  });

  test('when the server is draining for shutdown, then /api/ready is 503 so traffic moves away', async () => {
    t.lifecycle.draining = true;
    try {
      const res = await t.as('admin').get('/api/ready').expect(503);
      expect(res.body.checks.server).toEqual({ status: 'error', error: 'shutting down' });
      expect(res.headers.connection).toBe('close');
    } finally {
      t.lifecycle.draining = false;
    }
  });
});
