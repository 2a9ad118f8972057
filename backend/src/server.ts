import type { Server } from 'node:http';
import type { Db } from './lib/db';
import type { Lifecycle } from './lib/lifecycle';
import type { Logger } from './lib/logger';

export interface ShutdownDeps {
  server: Server;
  db: Db;
  logger: Logger;
  lifecycle: Lifecycle;
  timeoutMs: number;
}

/**
 * Stop accepting, let in-flight requests finish, close the pool, exit 0. If requests are still
 * running when the grace period ends, cut them and exit 1 so the operator can see it happened.
 */
export function installGracefulShutdown(deps: ShutdownDeps): void {
  const { server, db, logger, lifecycle, timeoutMs } = deps;
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
    // Keep-alive sockets that go idle after their last response would otherwise hold the
    // server open until they time out.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(sweep);
    await db.destroy();
    logger.info('shutdown complete');
    clearTimeout(timer);
    logger.flush(() => process.exit(0));
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
}
