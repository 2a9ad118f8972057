import type { Request, RequestHandler, Response, Router } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../errors';
import { hasRole } from '../roles';
import type { AnyRoute } from './define-route';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin the browser used to reach us: scheme from X-Forwarded-Proto (trust proxy), Host. */
function ownOrigin(req: Request): string | undefined {
  const host = req.get('host');
  return host ? `${req.protocol}://${host}`.toLowerCase() : undefined;
}

/**
 * A cookie can be sent by any site; a custom header cannot (without CORS consent), and the
 * Origin, when the browser sends it, must be ours. Tokens are not sent automatically: exempt.
 */
function checkCsrf(req: Request): void {
  if (req.identity?.via !== 'session' || !UNSAFE.has(req.method)) return;
  const origin = req.get('origin');
  const ok =
    req.get('x-requested-with') === 'stockroom' &&
    (origin === undefined || origin.toLowerCase() === ownOrigin(req));
  if (!ok)
    throw new AppError(
      'CSRF_REJECTED',
      403,
      'Cross-site request refused: send X-Requested-With: stockroom from this site.',
    );
}

/** 401 without an identity, 403 when it may not do this; before anything else runs. */
export function checkAccess(route: AnyRoute, req: Request): void {
  if (route.access === 'public') return;
  const identity = req.identity;
  if (!identity)
    throw new AppError('UNAUTHENTICATED', 401, 'Sign in, or send an API token, to do this.');
  checkCsrf(req);
  if (route.access === 'authenticated') return;
  if (route.access === 'session') {
    if (identity.via === 'session') return;
    throw new AppError('FORBIDDEN', 403, 'This needs a signed-in user; API tokens may not do it.', {
      requiredRole: 'session',
    });
  }
  if (!hasRole(identity.role, route.access))
    throw new AppError('FORBIDDEN', 403, `This needs the ${route.access} role or higher.`, {
      requiredRole: route.access,
    });
}

// An unpaired UTF-16 surrogate (JSON "\\ud800") cannot be stored either: jsonb refuses
// it, and text columns would silently get U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must not contain unpaired surrogates';
  return undefined;
}

/**
 * The first string (value or key) PostgreSQL cannot store, and why: NUL fails the query
 * with 22021 (a 500), so such input is refused up front as a validation error.
 */
function unstorablePath(
  value: unknown,
  path: string[] = [],
): { path: string[]; message: string } | undefined {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? { path, message } : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const keyMessage = unstorable(key);
      const found = keyMessage
        ? { path: [...path, key], message: keyMessage }
        : unstorablePath(v, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function parsePart(
  schema: ZodType | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): unknown {
  if (!schema) return {};
  const bad = unstorablePath(value);
  if (bad) {
    const path = bad.path.join('.') || '(root)';
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      `The request ${part === 'params' ? 'path' : part} is invalid: ${path}: ${bad.message}`,
      { errors: [{ in: part, path, message: bad.message }] },
    );
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({
    in: part,
    path: i.path.join('.') || '(root)',
    message: i.message,
  }));
  const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  throw new AppError(
    'VALIDATION_FAILED',
    400,
    `The request ${part === 'params' ? 'path' : part} is invalid: ${summary}`,
    {
      errors,
    },
  );
}

async function run(route: AnyRoute, req: Request, res: Response): Promise<void> {
  if (route.body && !req.is('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the request body as application/json.');
  }
  const input = {
    params: parsePart(route.params as ZodType | undefined, req.params, 'params'),
    query: parsePart(route.query as ZodType | undefined, req.query, 'query'),
    body: parsePart(route.body as ZodType | undefined, req.body, 'body'),
    req,
    res,
  };
  const result: unknown = await route.handler(input);
  if (res.headersSent) return;
  const status = route.status ?? 200;
  if (status === 204) {
    res.status(204).end();
    return;
  }
  res.status(status).json(result);
}

/**
 * Registers routes on an Express router; Express 5 forwards thrown errors and rejected
 * promises to the error handler. Access is checked before `parseBody` reads the body, so a
 * caller who may not use a route gets 401/403 whatever the body holds (and the API never
 * parses a megabyte of JSON for someone who is not signed in).
 */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  parseBody: RequestHandler,
): void {
  for (const route of routes) {
    router[route.method](
      route.path,
      (req, _res, next) => {
        checkAccess(route, req);
        next();
      },
      parseBody,
      (req, res) => run(route, req, res),
    );
  }
}
