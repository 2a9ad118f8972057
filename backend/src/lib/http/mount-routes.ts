import type { Request, Response, Router } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../errors';
import type { AnyRoute } from './define-route';

function parsePart(
  schema: ZodType | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): unknown {
  if (!schema) return {};
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

/** Registers routes on an Express router; Express 5 forwards rejected promises to the error handler. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    router[route.method](route.path, (req, res) => run(route, req, res));
  }
}
