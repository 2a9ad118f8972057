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

describe('readiness under load', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One pooled connection: easy to take away from everyone else.
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  test("when every connection of the application's pool is busy, then /api/ready still answers 200 on its own connection", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const busy = t.db.transaction(async (trx) => {
      await trx.raw('select 1');
      holding();
      await held;
    });
    await taken;
    try {
      const res = await t.anon.get('/api/ready').expect(200);
      expect(res.body.checks.database).toEqual({ status: 'ok' });
      const probes = await t.database.admin.raw<{ rows: { n: number }[] }>(
        "select count(*)::int as n from pg_stat_activity where datname = ? and application_name = 'stockroom-api-probe'",
        [t.database.name],
      );
      expect(probes.rows[0]?.n).toBe(1);
    } finally {
      release();
      await busy;
    }
  });

  test('when many probes arrive at once, then all answer 200 and the probe keeps to one connection', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.anon.get('/api/ready')));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    const probes = await t.database.admin.raw<{ rows: { n: number }[] }>(
      "select count(*)::int as n from pg_stat_activity where datname = ? and application_name = 'stockroom-api-probe'",
      [t.database.name],
    );
    expect(probes.rows[0]?.n).toBeLessThanOrEqual(1);
  });
});
