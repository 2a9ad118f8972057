import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app';
import { createDb, createProbeDb } from '../src/lib/db';
import { createLifecycle } from '../src/lib/lifecycle';
import { createLogger } from '../src/lib/logger';
import { freePort } from '../tools/free-port';
import { testConfig } from './support/test-app';

// What a request meets while PostgreSQL restarts: nothing listens on its TCP port, or (as in
// the compose stack, which connects through the db's socket volume) its Unix socket is gone.
const outages: [string, () => Promise<string>][] = [
  [
    'TCP: nothing listens on the port',
    async () => `postgres://stockroom:x@127.0.0.1:${await freePort()}/stockroom`,
  ],
  [
    'Unix socket: no socket in the directory',
    async () =>
      `postgres://stockroom:x@/stockroom?host=${encodeURIComponent(await mkdtemp(join(tmpdir(), 'no-pg-')))}`,
  ],
];

describe.each(outages)('when the database is down (%s)', (_kind, databaseUrl) => {
  let app: ReturnType<typeof createApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const config = testConfig({ DATABASE_URL: await databaseUrl() });
    const logger = createLogger(config);
    const db = createDb(config, logger);
    const probeDb = createProbeDb(config, logger);
    app = createApp({ config, db, probeDb, logger, lifecycle: createLifecycle() });
    close = async () => {
      await Promise.all([db.destroy(), probeDb.destroy()]);
    };
  });
  afterAll(() => close());

  test('when an authenticated request needs the database, then it gets 503 problem+json, not a 500', async () => {
    const res = await request(app)
      .get('/api/v1/items')
      .set('Authorization', `Bearer sr_${'a'.repeat(43)}`)
      .expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|ENOENT|at .*\.(js|ts):\d+/);
  });

  test('when probed, then liveness stays 200 and readiness is 503 naming the database', async () => {
    await request(app).get('/api/health').expect(200);
    const ready = await request(app).get('/api/ready').expect(503);
    expect(ready.body.checks.database.status).toBe('error');
  });
});
