import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../src/lib/logger';
import { isListening, startServerProcess } from './support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { createTestApp, TEST_PASSWORD } from './support/test-app';

describe('startup with no users, and the reset-password CLI', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  test('when no user exists, then the log shows a setup token that POST /auth/setup accepts', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const server = await startServerProcess({ DATABASE_URL: db.url });
    const line = await server.waitForLog((l) => typeof l.setupToken === 'string');
    expect(line.msg).toMatch(/^no users yet/);
    await server.waitForLog(isListening);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        setupToken: line.setupToken,
        email: 'boss@example.com',
        name: 'Boss',
        password: TEST_PASSWORD,
      }),
    });
    expect(res.status).toBe(201);
    server.child.kill('SIGTERM');
    await server.exited;
  });

  test('when ADMIN_EMAIL and ADMIN_PASSWORD are set, then that admin exists at startup and no token is logged', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const server = await startServerProcess({
      DATABASE_URL: db.url,
      ADMIN_EMAIL: 'ops@example.com',
      ADMIN_PASSWORD: TEST_PASSWORD,
    });
    await server.waitForLog(isListening);
    expect(server.logs.some((l) => 'setupToken' in l)).toBe(false);
    expect(JSON.stringify(server.logs)).not.toContain(TEST_PASSWORD);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    server.child.kill('SIGTERM');
    await server.exited;
  });

  test('when logging tokens anywhere else, then redaction hides them', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    logger.info({ token: 'sr_secret1', body: { setupToken: 'secret2', token: 'secret3' } }, 'x');
    logger.warn({ setupToken: 'shown-on-purpose' }, 'no users yet');
    expect(out).not.toMatch(/sr_secret1|secret2|secret3/);
    expect(out).toContain('shown-on-purpose');
  });

  test('when the CLI resets a password from stdin, then the new one works, sessions end, and it is audited', async () => {
    const t = await createTestApp();
    try {
      await t.as('manager').get('/api/v1/auth/me').expect(200);
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli.ts',
          'reset-password',
          'MANAGER@example.test',
          '--password-stdin',
        ],
        {
          cwd: path.resolve(__dirname, '..'),
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: t.database.url },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdin.end('reset by the cli 123\n');
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect({ code, stderr }).toMatchObject({ code: 0 });
      await t.as('manager').get('/api/v1/auth/me').expect(401);
      await t.anon
        .post('/api/v1/auth/login')
        .send({ email: 'manager@example.test', password: 'reset by the cli 123' })
        .expect(200);
      const [entry] = await t.db('audit_log').where({ action: 'user.password_reset' });
      expect(entry).toMatchObject({ entity_id: String(t.users.manager.id), actor_id: null });
    } finally {
      await t.close();
    }
  });
});
