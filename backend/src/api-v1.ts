import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import type { AnyRoute } from './lib/http/define-route';
import { allRoutes, lazyRoutes, mountRouteGroups, type RouteGroup } from './lib/http/lazy-routes';
import type * as OpenApi from './lib/http/openapi';
import type { RouteContext } from './lib/http/route-context';
import type { Db } from './lib/db';
import { authenticate } from './middleware/authenticate';
import { accountLinkRoutes } from './modules/account-links/account-links.routes';
import { alertRoutes } from './modules/alerts/alerts.routes';
import type * as ApiTokensRoutes from './modules/api-tokens/api-tokens.routes';
import type * as AuditRoutes from './modules/audit/audit.routes';
import { chartRoutes } from './modules/charts/charts.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { eventRoutes } from './modules/events/events.routes';
import type * as ExportsRoutes from './modules/exports/exports.routes';
import type * as ImportsRoutes from './modules/imports/imports.routes';
import { itemRoutes } from './modules/items/items.routes';
import type * as LabelsRoutes from './modules/labels/labels.routes';
import type * as MailRoutes from './modules/mail/mail.routes';
import { locationRoutes } from './modules/locations/locations.routes';
import { movementRoutes } from './modules/movements/movements.routes';
import type * as CountsRoutes from './modules/counts/counts.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import type * as ReconciliationRoutes from './modules/reconciliation/reconciliation.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { stockRoutes } from './modules/stock/stock.routes';
import type { SystemDeps } from './modules/system/system.service';
import { systemRoutes } from './modules/system/system.routes';
import { userRoutes } from './modules/users/users.routes';
import { verificationRoutes } from './modules/verification/verification.routes';
import type * as WebhooksRoutes from './modules/webhooks/webhooks.routes';

export const API_V1_PREFIX = '/api/v1';

/**
 * Every /api/v1 route, in matching order (fixed paths before `/:id`), by module. The modules
 * a request rarely needs (imports, exports, labels, mail, webhooks, …) load on their first
 * request (lazy-routes.ts): issue 12, idle memory.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a lazy group's module loads on use */
export function v1RouteGroups(ctx: RouteContext, system: SystemDeps): RouteGroup[] {
  return [
    systemRoutes(system),
    stockRoutes(ctx),
    itemRoutes(ctx),
    locationRoutes(ctx),
    movementRoutes(ctx),
    lazyRoutes('counts', () =>
      (require('./modules/counts/counts.routes') as typeof CountsRoutes).countRoutes(ctx),
    ),
    authRoutes(ctx),
    accountLinkRoutes(ctx),
    userRoutes(ctx),
    alertRoutes(ctx),
    lazyRoutes('mail', () =>
      (require('./modules/mail/mail.routes') as typeof MailRoutes).mailRoutes(ctx),
    ),
    lazyRoutes('api-tokens', () =>
      (require('./modules/api-tokens/api-tokens.routes') as typeof ApiTokensRoutes).apiTokenRoutes(
        ctx,
      ),
    ),
    lazyRoutes('audit', () =>
      (require('./modules/audit/audit.routes') as typeof AuditRoutes).auditRoutes(ctx),
    ),
    settingsRoutes(ctx),
    lazyRoutes('labels', () =>
      (require('./modules/labels/labels.routes') as typeof LabelsRoutes).labelRoutes(ctx),
    ),
    eventRoutes(ctx),
    notificationRoutes(ctx),
    lazyRoutes('webhooks', () =>
      (require('./modules/webhooks/webhooks.routes') as typeof WebhooksRoutes).webhookRoutes(ctx),
    ),
    verificationRoutes(ctx),
    chartRoutes(ctx),
    lazyRoutes('reconciliation', () =>
      (
        require('./modules/reconciliation/reconciliation.routes') as typeof ReconciliationRoutes
      ).reconciliationRoutes(ctx),
    ),
    lazyRoutes('exports', () =>
      (require('./modules/exports/exports.routes') as typeof ExportsRoutes).exportRoutes(ctx),
    ),
    lazyRoutes('imports', () =>
      (require('./modules/imports/imports.routes') as typeof ImportsRoutes).importRoutes(ctx),
    ),
  ];
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every /api/v1 route, all loaded, in matching order (the OpenAPI document, tests). */
export const v1Routes = (ctx: RouteContext, system: SystemDeps): AnyRoute[] =>
  allRoutes(v1RouteGroups(ctx, system));

// The API reference at /api/v1/docs/: Swagger UI's own files, with no inline script so it
// works under the strict Content-Security-Policy nginx sends.
const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stockroom API reference</title>
<link rel="stylesheet" href="swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="swagger-ui-bundle.js"></script>
<script src="init.js"></script>
</body>
</html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

// The directory only: `import 'swagger-ui-dist'` would also load and run its 1.4 MB browser
// bundle in the API process (~15 MB of idle memory) just to serve it as a file.
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

function docsRouter(): Router {
  const router = express.Router({ strict: true });
  router.get('/', (req, res) => {
    // Relative asset URLs need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/'))
      return res.redirect(301, `${API_V1_PREFIX}/docs/`);
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    );
    res.type('html').send(DOCS_HTML);
  });
  router.get('/init.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_INIT);
  });
  router.use(express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d' }));
  return router;
}

/** The generator (zod-to-openapi), loaded when the document is first asked for. */
const loadOpenApi = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./lib/http/openapi') as typeof OpenApi;

/** `parseBody` (the JSON body parser) runs per route, after its access check. */
export function v1Router(groups: RouteGroup[], db: Db, parseBody: RequestHandler): Router {
  const router = express.Router();
  // Built on first request, not at startup: most API processes never serve it, and the
  // document and its generator's working set would sit in memory all the same.
  let document: ReturnType<typeof OpenApi.buildOpenApiDocument> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= loadOpenApi().buildOpenApiDocument(allRoutes(groups), API_V1_PREFIX);
    res.json(document);
  });
  router.use('/docs', docsRouter());
  // After the public reference, before every route: each route's `access` rule then decides.
  router.use(authenticate(db));
  mountRouteGroups(router, groups, parseBody);
  return router;
}
