import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import type { Access } from '../roles';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

type Empty = z.ZodObject<Record<string, never>>;

// prettier-ignore
type LowerLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' |
  'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
/** camelCase: a lower-case letter first (the rest is checked when the document is built). */
export type OperationId = `${LowerLetter}${string}`;
export const OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;

export interface RouteInput<P extends ZodType, Q extends ZodType, B extends ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  req: Request;
  res: Response;
}

/**
 * One route: its HTTP shape (the zod schemas that validate it and document it in OpenAPI)
 * and a thin handler that receives parsed input and returns the reply body.
 */
export interface RouteDef<
  P extends ZodType = Empty,
  Q extends ZodType = Empty,
  B extends ZodType = Empty,
  R extends ZodType = ZodType,
> {
  method: Method;
  /** Express-style path relative to /api/v1, e.g. `/items/:id`. */
  path: string;
  /**
   * Names the operation in OpenAPI and in generated clients: camelCase, verb first
   * (`listItems`, `createLocation`), unique across the API (buildOpenApiDocument checks).
   */
  operationId: OperationId;
  summary: string;
  description?: string;
  tag: string;
  /**
   * Who may call it, checked before the handler runs (see mount-routes.ts). Required: a
   * route without a rule does not compile.
   */
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A request body that is not JSON (e.g. an uploaded file), read by the handler itself as a
   * stream: its accepted media types, documented as binary.
   */
  rawBody?: { mediaTypes: string[]; description: string };
  /** Extra request headers to document (e.g. Idempotency-Key). */
  headers?: z.ZodObject;
  /** Success status; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  response?: R;
  /** A reply that is not JSON (e.g. a PDF): its media type(s), sent by the handler itself. */
  produces?: { mediaType: string | readonly string[]; description: string };
  /** Problem statuses this route can answer, documented as problem+json. */
  errors?: number[];
  handler: (input: RouteInput<P, Q, B>) => Promise<z.input<R> | void>;
}

// Erased form kept in route lists; `defineRoute` checks each one at its definition.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

export function defineRoute<
  P extends ZodType = Empty,
  Q extends ZodType = Empty,
  B extends ZodType = Empty,
  R extends ZodType = ZodType,
>(route: RouteDef<P, Q, B, R>): AnyRoute {
  return route as AnyRoute;
}

/** `/items/:id` → `/items/{id}` for the OpenAPI document. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function toOpenApiRoute(route: AnyRoute, prefix: string, problem: ZodType): RouteConfig {
  const status = route.status ?? 200;
  const responses: RouteConfig['responses'] = {
    [status]: route.produces
      ? {
          description: route.produces.description,
          content: Object.fromEntries(
            [route.produces.mediaType]
              .flat()
              .map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        }
      : status === 204 || !route.response
        ? { description: 'No content' }
        : {
            description: 'Success',
            content: { 'application/json': { schema: route.response as ZodType } },
          },
  };
  const authErrors = route.access === 'public' ? [] : [401, 403];
  // Shape limits (request-shape.ts): a body too large, a query string too long.
  const shapeErrors = [
    ...(route.body || route.rawBody ? [413] : []),
    ...(route.query ? [414] : []),
  ];
  const codes = [400, ...authErrors, ...shapeErrors, ...(route.errors ?? [])];
  for (const code of new Set(codes.sort((a, b) => a - b))) {
    responses[code] = {
      description: 'Problem details (RFC 9457)',
      content: { 'application/problem+json': { schema: problem } },
    };
  }
  return {
    method: route.method,
    path: openApiPath(prefix + route.path),
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    security:
      route.access === 'public'
        ? []
        : route.access === 'session'
          ? [{ cookieAuth: [] }]
          : [{ cookieAuth: [] }, { bearerAuth: [] }],
    'x-required-role': route.access,
    request: {
      params: route.params as z.ZodObject | undefined,
      query: route.query as z.ZodObject | undefined,
      headers: route.headers,
      body: route.rawBody
        ? {
            required: true,
            description: route.rawBody.description,
            content: Object.fromEntries(
              route.rawBody.mediaTypes.map((type) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          }
        : route.body
          ? {
              required: true,
              content: { 'application/json': { schema: route.body as ZodType<unknown> } },
            }
          : undefined,
    },
    responses,
  };
}
