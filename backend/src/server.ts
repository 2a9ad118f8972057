import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemType } from './lib/errors';
import type { BackgroundJob } from './lib/background';
import type { Db } from './lib/db';
import type { Lifecycle } from './lib/lifecycle';
import type { Logger } from './lib/logger';

export interface ShutdownDeps {
  server: Server;
  db: Db;
  probeDb: Db;
  logger: Logger;
  lifecycle: Lifecycle;
  /** Background work that uses the pool (the event dispatcher); stopped before it closes. */
  background?: { stop(): Promise<void> };
  timeoutMs: number;
  /** Stopped with the server: a run in flight finishes before the pool closes. */
  jobs?: BackgroundJob[];
}

/**
 * Stop accepting, let in-flight requests finish, close the pool, exit 0. If requests are still
 * running when the grace period ends, cut them and exit 1 so the operator can see it happened.
 */
export function installGracefulShutdown(deps: ShutdownDeps): void {
  const { server, db, probeDb, logger, lifecycle, background, timeoutMs, jobs = [] } = deps;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    logger.info(
      { signal, timeoutMs },
      'shutting down: no new connections, finishing in-flight requests',
    );
    const timer = setTimeout(() => {
      logger.error(
        { timeoutMs },
        'requests still running at the end of the grace period; closing them',
      );
      server.closeAllConnections();
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // No new deliveries are claimed; the ones in flight finish (bounded by their timeout) or
    // their lease runs out and another replica sends them.
    const backgroundStopped = background?.stop();
    // Keep-alive sockets that go idle after their last response would otherwise hold the
    // server open until they time out.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await Promise.all([closed, ...jobs.map((job) => job.stop())]);
    clearInterval(sweep);
    await backgroundStopped;
    await Promise.all([db.destroy(), probeDb.destroy()]);
    logger.info('shutdown complete');
    clearTimeout(timer);
    logger.flush(() => process.exit(0));
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are too large.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
};

/**
 * Requests Node's HTTP parser refuses (an unknown method such as FOO, a malformed header)
 * never reach Express; by default Node answers them with a bare 400 and no body. Answer
 * them as problem+json like every other error.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, title, detail] = CLIENT_ERRORS[err.code ?? ''] ?? [
      400,
      'Bad Request',
      'The HTTP request is malformed.',
    ];
    const code = status === 400 ? 'BAD_REQUEST' : title.toUpperCase().replace(/ /g, '_');
    const body = JSON.stringify({ type: problemType(code), title, status, detail, code });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
