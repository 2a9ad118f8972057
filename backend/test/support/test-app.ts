import type { Express } from 'express';
import request, { type Test } from 'supertest';
import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/lib/config';
import { createDb, createProbeDb, type Db } from '../../src/lib/db';
import { createLifecycle, type Lifecycle } from '../../src/lib/lifecycle';
import { SYSTEM_ACTOR } from '../../src/lib/http/identity';
import { SESSION_COOKIE } from '../../src/lib/http/session-cookie';
import { createLogger } from '../../src/lib/logger';
import type { Role } from '../../src/lib/roles';
import * as sessions from '../../src/modules/sessions/sessions.service';
import type { User } from '../../src/modules/users/users.schemas';
import * as users from '../../src/modules/users/users.service';
import { createTestDatabase, type TestDatabase } from './test-database';

/** supertest, bound to the app, with an identity's headers already set. */
export interface Api {
  get(path: string): Test;
  post(path: string): Test;
  put(path: string): Test;
  patch(path: string): Test;
  delete(path: string): Test;
}

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: Express;
  /** Signed in as a user of that role (session cookie + the CSRF header). */
  as(role: Role): Api;
  /** No identity at all. */
  anon: Api;
  /** The user behind `as(role)` (password TEST_PASSWORD). */
  users: Record<Role, User>;
  /** Request headers of `as(role)`, for fetch and other clients. */
  headers(role: Role): Record<string, string>;
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

/** An Api that sends `headers` with every request. */
export function apiFor(app: Express, headers: Record<string, string> = {}): Api {
  const wrap = (test: Test) => test.set(headers);
  const agent = request(app);
  return {
    get: (p) => wrap(agent.get(p)),
    post: (p) => wrap(agent.post(p)),
    put: (p) => wrap(agent.put(p)),
    patch: (p) => wrap(agent.patch(p)),
    delete: (p) => wrap(agent.delete(p)),
  };
}

/** Headers of a browser signed in with a new session of `userId`. */
export async function sessionHeaders(db: Db, userId: number): Promise<Record<string, string>> {
  const session = await sessions.createSession(db, userId, { ip: null, userAgent: 'jest' });
  return {
    Cookie: `${SESSION_COOKIE}=${session.cookieValue}`,
    'X-Requested-With': 'stockroom',
  };
}

/**
 * The real app on its own fresh, migrated database, with one user per role already signed
 * in (`t.as('manager')`); `{ users: false }` leaves the users table empty (first-run tests).
 * Call close() in afterAll.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { users?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...env });
  const logger = createLogger(config);
  const db = createDb(config, logger);
  const probeDb = createProbeDb(config, logger);
  const lifecycle = createLifecycle();
  const app = createApp({ config, db, probeDb, logger, lifecycle });
  const made = {} as Record<Role, User>;
  const headers = {} as Record<Role, Record<string, string>>;
  if (options.users !== false) {
    for (const role of ['admin', 'manager', 'operator', 'viewer'] as const) {
      made[role] = await users.createUser(
        db,
        { email: `${role}@example.test`, name: `Test ${role}`, role, password: TEST_PASSWORD },
        SYSTEM_ACTOR,
      );
      headers[role] = await sessionHeaders(db, made[role].id);
    }
  }
  const apis = Object.fromEntries(
    Object.entries(headers).map(([role, h]) => [role, apiFor(app, h)]),
  ) as Record<Role, Api>;
  return {
    app,
    as: (role) => apis[role],
    anon: apiFor(app),
    users: made,
    headers: (role) => ({ ...headers[role] }),
    db,
    database,
    config,
    lifecycle,
    close: async () => {
      await Promise.all([db.destroy(), probeDb.destroy()]);
      await database.drop();
    },
  };
}
