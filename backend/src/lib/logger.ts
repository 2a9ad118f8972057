import pino from 'pino';
import type { Config } from './config';
import { currentRequestId } from './request-context';

export type Logger = pino.Logger;

// Secrets never reach the log, wherever they appear in a logged object. The one exception is
// deliberate: the top-level `setupToken` of the first-run line, which the operator must read.
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-setup-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  'token',
  '*.token',
  '*.setupToken',
  'sessionId',
  '*.sessionId',
  '*.secret',
  'config.database.password',
  'config.database.connectionString',
];

export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'stockroom-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Every line logged while serving a request carries its id.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A batch is written once it holds this much, or after FLUSH_MS. */
const BATCH_BYTES = 8192;
const FLUSH_MS = 1000;

/**
 * The API server's logger (main.ts): its lines go out in batches, each at most a second late.
 * Written one by one, each request's line was a write on a libuv thread, a wake-up of the event
 * loop and a read by Docker's log pipe: ~0.2 ms of the box's CPU per request in containerd-shim
 * and dockerd alone (issue 12, docs/performance.md). pino writes what is left synchronously
 * when the process exits, by any path; a process killed outright (SIGKILL, the OOM killer)
 * loses at most the last second's lines.
 */
export function createServerLogger(
  config: Pick<Config, 'logLevel'>,
  { dest = 1, flushMs = FLUSH_MS }: { dest?: number; flushMs?: number } = {},
): Logger {
  return createLogger(
    config,
    pino.destination({ dest, sync: false, minLength: BATCH_BYTES, periodicFlush: flushMs }),
  );
}
