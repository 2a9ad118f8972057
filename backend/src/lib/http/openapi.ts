import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { APP_NAME, APP_VERSION } from '../app-info';
import { COUNTABLE_UNITS } from '../units';
import { problemSchema } from './common-schemas';
import { type AnyRoute, OPERATION_ID, toOpenApiRoute } from './define-route';

/** Throws at startup (and in the tests) unless every operationId is camelCase and unique. */
function checkOperationIds(routes: readonly AnyRoute[]): void {
  const seen = new Set<string>();
  for (const { operationId, method, path } of routes) {
    if (!OPERATION_ID.test(operationId))
      throw new Error(`operationId '${operationId}' (${method} ${path}) is not camelCase`);
    if (seen.has(operationId))
      throw new Error(`operationId '${operationId}' (${method} ${path}) is used twice`);
    seen.add(operationId);
  }
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], prefix: string) {
  checkOperationIds(routes);
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'stockroom_session',
    description:
      'Browser session from POST /auth/login. Unsafe methods also need `X-Requested-With: stockroom`.',
  });
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token `sr_…` (scope read = viewer, write = manager).',
  });
  // Clients read the whole-number units from here (gen:api), never copy the list.
  registry.registerComponent('schemas', 'CountableUnit', {
    type: 'string',
    enum: [...COUNTABLE_UNITS],
    description:
      'Units that take whole numbers only: a fractional quantity is refused with 422 WHOLE_UNITS_ONLY.',
  });
  for (const route of routes) registry.registerPath(toOpenApiRoute(route, prefix, problemSchema));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: `${APP_NAME} API`,
      version: APP_VERSION,
      description:
        'Inventory and stock control. Quantities are exact decimal strings (up to 3 places). ' +
        'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`. ' +
        'Each operation names the least role it needs in `x-required-role` ' +
        '(public, authenticated, session, viewer, operator, manager, admin).',
    },
    servers: [{ url: '/' }],
  });
}
