import { API_V1_PREFIX, v1Routes } from '../src/api-v1';
import { buildOpenApiDocument } from '../src/lib/http/openapi';
import { parseConfig } from '../src/lib/config';
import type { Db } from '../src/lib/db';
import type { Logger } from '../src/lib/logger';
import { createLifecycle } from '../src/lib/lifecycle';

const noMail = { smtp: null, publicUrl: 'http://localhost', digestHourUtc: 7, retentionDays: 30 };

/** The document as the server builds it; route handlers are never called, so no database is needed. */
export function openApiDocumentForDocs() {
  const none = undefined as unknown as Db;
  const defaults = parseConfig({});
  if (!defaults.ok) throw new Error(defaults.errors.join('\n'));
  const routes = v1Routes(
    {
      config: defaults.config,
      db: none,
      logger: undefined as unknown as Logger,
      defaultTimeZone: 'UTC',
      mail: noMail,
    },
    { db: none, migrationsDir: '', lifecycle: createLifecycle(), gitCommit: null },
  );
  return buildOpenApiDocument(routes, API_V1_PREFIX);
}
