import { startSmtp, type TestSmtp } from './support/smtp';
import { isListening, startServerProcess } from './support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The real entry point: its background outbox job sends what a request queued, and SIGTERM
// stops the job with the server (exit 0).
describe('mail jobs in the API process', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  beforeAll(async () => {
    [db, smtp] = await Promise.all([createTestDatabase(), startSmtp()]);
  });
  afterAll(() => Promise.all([db.drop(), smtp.close()]));

  test('when a reset is requested, then the running API emails it by itself; on SIGTERM it exits 0', async () => {
    const server = await startServerProcess({
      DATABASE_URL: db.url,
      ...smtp.env,
      ADMIN_EMAIL: 'boss@example.test',
      ADMIN_PASSWORD: 'a long admin password',
    });
    try {
      await server.waitForLog(isListening);
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'boss@example.test' }),
      });
      expect(res.status).toBe(202);
      // The outbox job polls every few seconds; wait for its delivery (not for a deadline).
      while (smtp.to('boss@example.test').length === 0) {
        if (server.child.exitCode !== null) throw new Error(server.stderr());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(smtp.to('boss@example.test')[0]!.subject).toBe('Reset your Stockroom password');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
