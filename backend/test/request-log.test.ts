import http from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { createLogger } from '../src/lib/logger';
import type { Identity } from '../src/lib/http/identity';
import { requestId, requestLogging } from '../src/middleware/request-logging';

// The request log line is what operators search and alert on; it is written by our own
// middleware on pino's API (it was pino-http's), so its fields are pinned here.
function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    { logLevel: 'info' },
    { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
  );
  const app = express();
  app.set('trust proxy', false);
  app.use(requestId());
  app.use(requestLogging(logger));
  app.get('/api/v1/things', (req, res) => {
    req.identity = { user: { id: 42 } } as Identity;
    res.json({ ok: true });
  });
  app.get('/api/v1/anonymous', (_req, res) => void res.status(404).json({}));
  app.get('/api/v1/broken', (_req, res) => void res.status(500).json({}));
  // A write failing on the response ('error'), with a secret on the error, then a 500.
  app.get('/api/v1/leaky', (_req, res) => {
    res.emit('error', Object.assign(new Error('write failed'), { token: 'sr_secret' }));
    res.status(500).json({});
  });
  app.get('/api/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/api/v1/hang', () => undefined);
  // As the import upload does: read the body as a stream and stop past a limit, which ends
  // the iteration (destroying the request) before the error answers 413.
  app.post('/api/v1/upload', async (req) => {
    let bytes = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > 1024) throw Object.assign(new Error('too large'), { status: 413 });
    }
  });
  const answer: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
    res
      .set('Connection', 'close')
      .status(err.status ?? 500)
      .json({});
  };
  app.use(answer);
  return { app, lines };
}

/** The 'close' that writes the line may come a tick after the client has the response. */
async function settled<T>(lines: T[], count: number): Promise<T[]> {
  for (let i = 0; i < 50 && lines.length < count; i++) await new Promise((r) => setTimeout(r, 5));
  return lines;
}

describe('the request log line', () => {
  test('when a request succeeds, then one info line has method, path, status, duration, request id and user', async () => {
    const { app, lines } = appWithLog();
    const res = await request(app).get('/api/v1/things?limit=2').set('X-Request-Id', 'trace-1');
    expect(res.status).toBe(200);
    const [line] = await settled(lines, 1);
    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request completed',
      service: 'stockroom-api',
      requestId: 'trace-1',
      req: { id: 'trace-1', method: 'GET', url: '/api/v1/things?limit=2' },
      res: { statusCode: 200 },
      userId: 42,
    });
    expect(typeof (line!.req as { ip: unknown }).ip).toBe('string');
    expect(Number.isInteger(line!.responseTime)).toBe(true);
    expect(line!.responseTime as number).toBeGreaterThanOrEqual(0);
  });

  test('when the response is a 4xx, then the line is a warning without a user when none signed in', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/api/v1/anonymous').expect(404);
    const [line] = await settled(lines, 1);
    expect(line).toMatchObject({ level: 'warn', res: { statusCode: 404 } });
    expect(line).not.toHaveProperty('userId');
  });

  test('when the response is a 5xx, then the line is an error, "request errored"', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/api/v1/broken').expect(500);
    const [line] = await settled(lines, 1);
    expect(line).toMatchObject({
      level: 'error',
      msg: 'request errored',
      res: { statusCode: 500 },
    });
  });

  test('when the response fails with an error holding a secret, then the error line redacts it', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/api/v1/leaky').expect(500);
    const [line] = await settled(lines, 1);
    expect(line).toMatchObject({
      level: 'error',
      msg: 'request errored',
      err: { message: 'write failed', token: '[redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain('sr_secret');
  });

  test('when the health probe is requested, then nothing is logged', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/api/health').expect(200);
    await request(app).get('/api/v1/things').expect(200);
    await settled(lines, 1);
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual(['/api/v1/things']);
  });

  test('when the client goes away before the response, then the request is still logged once', async () => {
    const { app, lines } = appWithLog();
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const aborted = new AbortController();
      const sent = fetch(`http://127.0.0.1:${port}/api/v1/hang`, { signal: aborted.signal });
      await new Promise((r) => setTimeout(r, 100));
      aborted.abort();
      await expect(sent).rejects.toThrow();
      const [line] = await settled(lines, 1);
      expect(line).toMatchObject({ req: { method: 'GET', url: '/api/v1/hang' } });
      await new Promise((r) => setTimeout(r, 50));
      expect(lines).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('when a 413 ends the request while the client is still uploading, then the line has the client address and nothing throws', async () => {
    const { app, lines } = appWithLog();
    const thrown: unknown[] = [];
    const onThrown = (e: unknown) => void thrown.push(e);
    process.on('uncaughtException', onThrown);
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const status = await new Promise<number | string>((resolve) => {
        const req = http.request({ port, method: 'POST', path: '/api/v1/upload' }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        // Keep sending after the limit, as a browser uploading a large file does.
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const timer = setInterval(() => {
          if (req.destroyed) clearInterval(timer);
          else req.write(chunk);
        }, 5);
        req.on('close', () => clearInterval(timer));
      });
      expect([413, 'ECONNRESET', 'EPIPE']).toContain(status);
      const [line] = await settled(lines, 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(thrown).toEqual([]);
      expect(line).toMatchObject({ req: { method: 'POST', url: '/api/v1/upload' } });
      expect(typeof (line!.req as { ip: unknown }).ip).toBe('string');
    } finally {
      process.off('uncaughtException', onThrown);
      server.closeAllConnections();
      server.close();
    }
  });
});
