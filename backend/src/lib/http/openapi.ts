import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { APP_NAME, APP_VERSION } from '../app-info';
import { problemSchema } from './common-schemas';
import { type AnyRoute, toOpenApiRoute } from './define-route';

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], prefix: string) {
  const registry = new OpenAPIRegistry();
  for (const route of routes) registry.registerPath(toOpenApiRoute(route, prefix, problemSchema));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: `${APP_NAME} API`,
      version: APP_VERSION,
      description:
        'Inventory and stock control. Quantities are exact decimal strings (up to 3 places). ' +
        'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
    },
    servers: [{ url: '/' }],
  });
}
