import querystring from 'node:querystring';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Config } from './lib/config';
import type { Db } from './lib/db';
import type { Lifecycle } from './lib/lifecycle';
import { proxyTrust } from './lib/http/trusted-proxies';
import type { Logger } from './lib/logger';
import { parseRequest } from './lib/http/request-shape';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { requestId, requestLogging } from './middleware/request-logging';
import { securityHeaders } from './middleware/security-headers';
import { closeConnectionsWhenDraining } from './middleware/shutdown-aware';
import { API_V1_PREFIX, v1RouteGroups, v1Router } from './api-v1';
import { healthRoutes } from './modules/system/system.routes';

export interface AppDeps {
  config: Config;
  db: Db;
  /** The readiness probe's own pool (createProbeDb). */
  probeDb: Db;
  logger: Logger;
  lifecycle: Lifecycle;
}

/** Builds the HTTP application. Never listens: main.ts and the tests decide that. */
export function createApp({ config, db, probeDb, logger, lifecycle }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', proxyTrust(config.trustedProxies));
  // 'simple' (node:querystring) with the parameter cap the routes enforce (request-shape.ts),
  // so no other path parses more either.
  app.set('query parser', (query: string) =>
    querystring.parse(query, '&', '=', { maxKeys: config.requestLimits.maxQueryParams }),
  );

  app.use(requestId());
  app.use(requestLogging(logger));
  app.use(closeConnectionsWhenDraining(lifecycle));
  // The API serves JSON only; a restrictive policy costs nothing. helmet's headers, computed
  // once (security-headers.ts).
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      // nginx hides this header and sends its own (only over its TLS listener), from the
      // same HSTS_MAX_AGE; this one reaches clients only when the API is served directly.
      strictTransportSecurity: { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: false },
    }),
  );
  if (config.corsOrigins.length > 0) {
    app.use(cors({ origin: [...config.corsOrigins], credentials: true, maxAge: 600 }));
  }
  // Express answers OPTIONS for a known path by itself (200, text/html, the allowed
  // methods); without CORS (which answers preflights above) it is just another unknown route.
  app.options('/{*path}', notFoundHandler());

  const systemDeps = {
    db,
    probeDb,
    lifecycle,
    migrationsDir: config.migrationsDir,
    gitCommit: config.gitCommit,
  };
  app.use('/api', healthRoutes(systemDeps));
  // The query and JSON body are checked and parsed per route, after the access check (see
  // mount-routes.ts), within the shape limits of request-shape.ts.
  const parseBody = parseRequest(config.requestLimits);
  app.use(
    API_V1_PREFIX,
    v1Router(
      v1RouteGroups(
        {
          config,
          db,
          logger,
          defaultTimeZone: config.defaultTimeZone,
          publicUrl: config.publicUrl,
          mail: config.mail,
        },
        systemDeps,
      ),
      db,
      parseBody,
    ),
  );

  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  return app;
}
