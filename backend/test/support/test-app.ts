import type { Express } from 'express';
import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/lib/config';
import { createDb, type Db } from '../../src/lib/db';
import { createLifecycle, type Lifecycle } from '../../src/lib/lifecycle';
import { createLogger } from '../../src/lib/logger';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  db: Db;
  database: TestDatabase;
  config: Config;
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  const result = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
}

/** The real app on its own fresh, migrated database. Call close() in afterAll. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...env });
  const logger = createLogger(config);
  const db = createDb(config, logger);
  const lifecycle = createLifecycle();
  const app = createApp({ config, db, logger, lifecycle });
  return {
    app,
    db,
    database,
    config,
    lifecycle,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}
