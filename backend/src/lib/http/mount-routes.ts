import type { Request, RequestHandler, Response, Router } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../errors';
import { hasRole } from '../roles';
import type { AnyRoute } from './define-route';
import { clip, validationErrors } from './validation-errors';

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

interface Node {
  value: unknown;
  key?: string;
  parent?: Node;
}

const pathOf = (node: Node): string[] => {
  const path: string[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) path.push(n.key);
  return path.reverse();
};

/**
 * The first string (value or key) PostgreSQL cannot store, and why: NUL fails the query
 * with 22021 (a 500), so such input is refused up front as a validation error. Walks with
 * its own stack, in document order, and builds a path only for what it finds: a body's
 * depth is bounded (request-shape.ts), but this must not depend on it.
 */
function unstorablePath(root: unknown): { path: string[]; message: string } | undefined {
  const stack: Node[] = [{ value: root }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const keyMessage = node.key === undefined ? undefined : unstorable(node.key);
    if (keyMessage) return { path: pathOf(node), message: keyMessage };
    const { value } = node;
    if (typeof value === 'string') {
      const message = unstorable(value);
      if (message) return { path: pathOf(node), message };
    } else if (value && typeof value === 'object') {
      const entries: [string, unknown][] = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({ value: child, key, parent: node });
      }
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
    const path = clip(bad.path.join('.')) || '(root)';
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      `The request ${part === 'params' ? 'path' : part} is invalid: ${path}: ${bad.message}`,
      { errors: [{ in: part, path, message: bad.message }] },
    );
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const { errors, summary } = validationErrors(result.error.issues, part);
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
 * promises to the error handler. Access is checked before `parseBody` checks the query's
 * shape and reads the body (request-shape.ts), so a caller who may not use a route gets
 * 401/403 whatever the request holds (and the API never parses JSON for someone who is
 * not signed in).
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
