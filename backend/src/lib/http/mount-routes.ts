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

/**
 * Where a string holding U+0000 is, if any. PostgreSQL text cannot store NUL (it fails the
 * query with 22021, a 500), so such input is refused up front as a validation error.
 */
function nulPath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : nulPath(v, [...path, key]);
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
  const nul = nulPath(value);
  if (nul) {
    const path = nul.join('.') || '(root)';
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      `The request ${part === 'params' ? 'path' : part} is invalid: ${path}: must not contain NUL characters`,
      { errors: [{ in: part, path, message: 'must not contain NUL characters' }] },
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
