import { API_V1_PREFIX, v1Routes } from '../src/api-v1';
import { buildOpenApiDocument } from '../src/lib/http/openapi';
import type { Db } from '../src/lib/db';
import type { Logger } from '../src/lib/logger';
import { createLifecycle } from '../src/lib/lifecycle';

const noMail = { smtp: null, publicUrl: 'http://localhost', digestHourUtc: 7 };

/** The document as the server builds it; route handlers are never called, so no database is needed. */
export function openApiDocumentForDocs() {
  const none = undefined as unknown as Db;
  const routes = v1Routes(
    { db: none, logger: undefined as unknown as Logger, mail: noMail },
    { db: none, migrationsDir: '', lifecycle: createLifecycle(), gitCommit: null },
  );
  return buildOpenApiDocument(routes, API_V1_PREFIX);
}
