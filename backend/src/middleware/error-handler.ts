import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import {
  AppError,
  type Problem,
  type ProblemExtensions,
  problemExtensions,
  problemType,
} from '../lib/errors';
import { isDatabaseUnavailable, pgCode } from '../lib/db-errors';
import type { Logger } from '../lib/logger';
import { validationErrors } from '../lib/http/validation-errors';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/**
 * Sends a problem+json body. `extensions` go beside the standard members, never over them
 * (a reserved name is dropped here even if a cast let one through: the body's `status` is
 * the HTTP status, its `code` the error's); `title` replaces the status's usual title.
 */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  extensions: ProblemExtensions = {},
  title?: string,
): void {
  const body: Problem = {
    ...problemExtensions(extensions).extensions,
    type: problemType(code),
    title: title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId: typeof res.req.id === 'string' ? res.req.id : undefined,
  };
  res.status(status).type('application/problem+json').json(body);
}

export function notFoundHandler(): RequestHandler {
  return (req, res) =>
    sendProblem(res, 404, 'ROUTE_NOT_FOUND', `No route matches ${req.method} ${req.originalUrl}.`);
}

// Errors raised by body-parser carry a `type`; they are the client's fault.
interface HttpLikeError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
  message?: string;
}

const BODY_ERRORS: Record<string, [number, string, (e: HttpLikeError) => string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', () => 'The request body is not valid JSON.'],
  'entity.too.large': [
    413,
    'PAYLOAD_TOO_LARGE',
    (e) => `The request body is larger than the limit of ${e.limit ?? 'the server'} bytes.`,
  ],
  'encoding.unsupported': [
    415,
    'UNSUPPORTED_ENCODING',
    (e) => e.message ?? 'Unsupported encoding.',
  ],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', (e) => e.message ?? 'Unsupported charset.'],
  'request.aborted': [400, 'REQUEST_ABORTED', () => 'The client aborted the request.'],
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof AppError) {
      const retryAfter = err.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      const { extensions, reserved } = problemExtensions(err.details);
      // The type forbids these names; one that got through anyway is a bug to hear about.
      if (reserved.length > 0) {
        logger.warn(
          { code: err.code, members: reserved },
          'problem details named like reserved members were left out',
        );
      }
      return sendProblem(res, err.status, err.code, err.message, extensions);
    }
    if (err instanceof ZodError) {
      const { errors, summary } = validationErrors(err.issues);
      return sendProblem(res, 400, 'VALIDATION_FAILED', `The request is invalid: ${summary}`, {
        errors,
      });
    }
    // The router decodes path parameters before any route runs, and marks what
    // decodeURIComponent refused (a stray %, bytes that are not UTF-8) with status 400.
    if (err instanceof URIError && (err as HttpLikeError).status === 400) {
      return sendProblem(
        res,
        400,
        'MALFORMED_PATH',
        'The request path is not valid percent-encoded UTF-8.',
      );
    }
    const httpErr = err as HttpLikeError;
    const known = httpErr?.type ? BODY_ERRORS[httpErr.type] : undefined;
    if (known) {
      const limit = httpErr.type === 'entity.too.large' ? { limit: httpErr.limit } : {};
      return sendProblem(res, known[0], known[1], known[2](httpErr), limit);
    }
    // Text PostgreSQL cannot store (NUL, or a character outside the encoding). Routes refuse
    // NUL up front (mount-routes.ts); this keeps any other path from turning it into a 500.
    const code = pgCode(err);
    if (code === '22021' || code === '22P05') {
      return sendProblem(
        res,
        400,
        'INVALID_TEXT',
        'The request contains text that cannot be stored.',
      );
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn({ err }, 'database unavailable');
      return sendProblem(
        res,
        503,
        'SERVICE_UNAVAILABLE',
        'The database is unavailable; try again shortly.',
      );
    }
    if (httpErr?.expose && httpErr.status && httpErr.status >= 400 && httpErr.status < 500) {
      return sendProblem(res, httpErr.status, 'BAD_REQUEST', httpErr.message ?? 'Bad request.');
    }
    logger.error({ err, url: req.originalUrl }, 'unhandled error');
    return sendProblem(
      res,
      500,
      'INTERNAL_ERROR',
      'Something went wrong on the server. The request id identifies it in the logs.',
    );
  };
}
