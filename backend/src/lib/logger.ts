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
