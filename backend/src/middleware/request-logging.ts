import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
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

export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as IncomingMessage & { id: string }).id,
    // Health probes every few seconds would drown everything else.
    autoLogging: { ignore: (req) => /^\/api\/(health|ready)$/.test(req.url ?? '') },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Ids and shapes, never bodies.
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; raw?: Request }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        // The client as nginx (or a TRUSTED_PROXIES outer proxy) saw it, not nginx itself.
        ip: req.raw?.ip,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
  });
}
