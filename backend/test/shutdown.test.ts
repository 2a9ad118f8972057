import { request as httpRequest } from 'node:http';
import { isListening, startServerProcess } from './support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('graceful shutdown', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('when SIGTERM arrives during a request, then that request completes, new connections are refused, and the process exits 0', async () => {
    const server = await startServerProcess({ DATABASE_URL: db.url, SHUTDOWN_TIMEOUT_MS: '10000' });
    await server.waitForLog(isListening);

    // A request whose body is still arriving is in flight until we finish sending it.
    const body = JSON.stringify({ note: 'in flight' });
    const response = new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/v1/slow-upload',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type']),
                body: text,
              }),
            );
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 5));
        setTimeout(() => {
          server.child.kill('SIGTERM');
          void server
            .waitForLog((l) => l.msg?.startsWith('shutting down') ?? false)
            .then(async () => {
              // Not accepting any more...
              await expect(fetch(`http://127.0.0.1:${server.port}/api/health`)).rejects.toThrow();
              // ...but the request already in flight is answered.
              req.end(body.slice(5));
            }, reject);
        }, 200);
      },
    );

    const res = await response;
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.some((l) => l.msg === 'shutdown complete')).toBe(true);
  });
});
