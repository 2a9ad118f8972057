import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../lib/logger';
import { runWithRequestContext } from '../lib/request-context';

// A client (or nginx) may send its own id; anything odd is replaced so logs stay clean.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    runWithRequestContext({ requestId: id }, next);
  };
}

// Health probes every few seconds would drown everything else.
const UNLOGGED = /^\/api\/(health|ready)$/;

/**
 * One line per request when its response ends (or its connection closes first), the line
 * pino-http wrote before: `req` {id, method, url, ip}, `res` {statusCode}, `responseTime` in
 * ms, the level from the status, plus `userId` once the request was authenticated. Written on
 * pino's own API because pino-http paid ~0.2–0.4 ms of CPU per request for what nothing here
 * reads: a child logger per request (its bindings serialized through pino-std-serializers'
 * full request copy, headers included, and redacted), `req.log`/`res.log`/`allLogs`, and a
 * synthetic Error (with its stack) for every 5xx (issue 12, docs/performance.md). Errors
 * themselves are still logged, with their stack, by the error handler.
 */
export function requestLogging(logger: Logger): RequestHandler {
  // A line without an error (2xx–4xx) holds only the fields logRequest writes, none of them a
  // secret, so it skips pino's redaction: @pinojs/redact 0.4 parses every path again for every
  // field of every line, ~18 KB of garbage and ~0.04 ms of CPU a request (issue 12,
  // docs/performance.md). A line with an error (and every 5xx) keeps the redaction.
  const lines: Lines = { plain: logger.child({}, { redact: [] }), redacted: logger };
  return (req, res, next) => {
    if (!UNLOGGED.test(req.url)) {
      const started = Date.now();
      // Read now, not when the response closes: by then the socket may be detached (a 413
      // that closes the connection mid-upload), and express's req.ip reads the socket's
      // address: a TypeError thrown from a 'close' listener would take the process down.
      const ip = req.ip;
      let done = false;
      const complete = (err?: Error) => {
        if (done) return;
        done = true;
        logRequest(lines, req, ip, res, Date.now() - started, err);
      };
      // A ServerResponse emits 'close' after 'finish' and also when the client goes first, so
      // 'close' alone ends every request; 'error' is kept as pino-http had it (a write after
      // end is emitted there and would otherwise be unhandled).
      res.once('close', () => complete());
      res.once('error', complete);
    }
    next();
  };
}

interface Lines {
  plain: Logger;
  redacted: Logger;
}

function logRequest(
  lines: Lines,
  req: Request,
  ip: string | undefined,
  res: Response,
  responseTime: number,
  err: Error | undefined,
): void {
  const statusCode = res.statusCode;
  const line: Record<string, unknown> = {
    req: { id: req.id, method: req.method, url: req.originalUrl, ip },
    res: { statusCode },
    responseTime,
  };
  const userId = req.identity?.user.id;
  if (userId !== undefined) line.userId = userId;
  if (err || statusCode >= 500) {
    if (err) line.err = err;
    lines.redacted.error(line, 'request errored');
  } else if (statusCode >= 400) {
    lines.plain.warn(line, 'request completed');
  } else {
    lines.plain.info(line, 'request completed');
  }
}

// The id requestId() gives each request (pino-http declared it before).
declare module 'node:http' {
  interface IncomingMessage {
    id?: string;
  }
}
