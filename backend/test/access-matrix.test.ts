import { v1Routes } from '../src/api-v1';
import type { AnyRoute } from '../src/lib/http/define-route';
import { createLifecycle } from '../src/lib/lifecycle';
import { createLogger } from '../src/lib/logger';
import { type Access, hasRole, type Role, SCOPE_ROLE, type TokenScope } from '../src/lib/roles';
import { apiFor, createTestApp, sessionHeaders, type Api, type TestApp } from './support/test-app';

// Written by hand, independently of the routes' own `access`: a wrong declaration fails here.
const EXPECTED: Record<string, Access> = {
  'GET /system/info': 'viewer',
  'GET /items/:id/stock': 'viewer',
  'GET /locations/:id/stock': 'viewer',
  'GET /stock': 'viewer',
  'GET /stock/low': 'viewer',
  'GET /stock/summary': 'viewer',
  'GET /items/:id/verification': 'viewer',
  'GET /locations/:id/verification': 'viewer',
  'GET /verification/stale': 'viewer',
  'GET /items/:id/stock-history': 'viewer',
  'GET /charts/movements-per-day': 'viewer',
  'GET /charts/below-reorder-point': 'viewer',
  'GET /items': 'viewer',
  'GET /items/categories': 'viewer',
  'GET /items/lookup': 'viewer',
  'POST /items': 'manager',
  'GET /items/:id': 'viewer',
  'PATCH /items/:id': 'manager',
  'POST /items/:id/archive': 'manager',
  'POST /items/:id/unarchive': 'manager',
  'DELETE /items/:id': 'manager',
  'GET /locations': 'viewer',
  'GET /locations/tree': 'viewer',
  'POST /locations': 'manager',
  'GET /locations/:id': 'viewer',
  'PATCH /locations/:id': 'manager',
  'POST /locations/:id/archive': 'manager',
  'POST /locations/:id/unarchive': 'manager',
  'DELETE /locations/:id': 'manager',
  'POST /movements': 'operator',
  'GET /movements': 'viewer',
  'GET /movements/:id': 'viewer',
  'POST /movements/:id/reverse': 'operator',
  'POST /counts': 'manager',
  'GET /counts': 'operator',
  'GET /counts/:id': 'operator',
  'POST /counts/:id/lines': 'operator',
  'GET /counts/:id/review': 'manager',
  'POST /counts/:id/approve': 'manager',
  'POST /counts/:id/cancel': 'manager',
  'GET /auth/setup': 'public',
  'POST /auth/setup': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'authenticated',
  'GET /auth/me': 'authenticated',
  'POST /auth/password': 'session',
  'POST /auth/password-reset': 'public',
  'POST /auth/set-password': 'public',
  'POST /users/invitations': 'admin',
  'GET /users/invitations': 'admin',
  'POST /users/:id/invitation': 'admin',
  'GET /account/alert-preferences': 'session',
  'PATCH /account/alert-preferences': 'session',
  'GET /mail/settings': 'admin',
  'PUT /mail/settings': 'admin',
  'DELETE /mail/settings': 'admin',
  'POST /mail/test': 'admin',
  'GET /mail/outbox': 'admin',
  'GET /users': 'admin',
  'GET /user-names': 'viewer',
  'POST /users': 'admin',
  'PATCH /users/:id': 'admin',
  'POST /users/:id/password': 'admin',
  'POST /users/:id/sign-in-throttle/clear': 'admin',
  'GET /api-tokens': 'admin',
  'POST /api-tokens': 'admin',
  'DELETE /api-tokens/:id': 'admin',
  'POST /api-tokens/:id/enable': 'admin',
  'GET /audit': 'admin',
  'GET /settings': 'authenticated',
  'PATCH /settings': 'admin',
  'GET /labels/layout': 'viewer',
  'POST /labels': 'viewer',
  'GET /events': 'viewer',
  'GET /exports/items': 'viewer',
  'GET /exports/stock': 'viewer',
  'GET /exports/movements': 'viewer',
  'GET /exports/audit': 'admin',
  'POST /imports': 'manager',
  'GET /imports/:id': 'manager',
  'PUT /imports/:id/mapping': 'manager',
  'GET /imports/:id/problems': 'manager',
  'POST /imports/:id/commit': 'manager',
  'POST /imports/:id/cancel': 'manager',
  'GET /notifications': 'viewer',
  'GET /notifications/unread-count': 'viewer',
  'POST /notifications/read': 'viewer',
  'POST /notifications/read-all': 'viewer',
  'POST /reconciliation': 'admin',
  'GET /webhooks': 'admin',
  'POST /webhooks': 'admin',
  'GET /webhooks/:id': 'admin',
  'PATCH /webhooks/:id': 'admin',
  'DELETE /webhooks/:id': 'admin',
  'POST /webhooks/:id/enable': 'admin',
  'POST /webhooks/:id/test': 'admin',
  'GET /webhooks/:id/deliveries': 'admin',
  'POST /webhooks/:id/deliveries/:deliveryId/redeliver': 'admin',
};

type Caller =
  { kind: 'anonymous' } | { kind: 'session'; role: Role } | { kind: 'token'; scope: TokenScope };

const CALLERS: Caller[] = [
  { kind: 'anonymous' },
  ...(['viewer', 'operator', 'manager', 'admin'] as const).map((role) => ({
    kind: 'session' as const,
    role,
  })),
  { kind: 'token', scope: 'read' },
  { kind: 'token', scope: 'write' },
];

const describeCaller = (c: Caller) =>
  c.kind === 'anonymous'
    ? 'no identity'
    : c.kind === 'session'
      ? `${c.role} session`
      : `${c.scope} token`;

function expectedStatus(access: Access, c: Caller): 401 | 403 | 'allowed' {
  if (access === 'public') return 'allowed';
  if (c.kind === 'anonymous') return 401;
  if (access === 'authenticated') return 'allowed';
  if (access === 'session') return c.kind === 'session' ? 'allowed' : 403;
  const role = c.kind === 'session' ? c.role : SCOPE_ROLE[c.scope];
  return hasRole(role, access) ? 'allowed' : 403;
}

const key = (r: AnyRoute) => `${r.method.toUpperCase()} ${r.path}`;

describe('access matrix: every /api/v1 route, every kind of caller', () => {
  let t: TestApp;
  let routes: AnyRoute[];
  const tokens = {} as Record<TokenScope, string>;
  beforeAll(async () => {
    t = await createTestApp();
    routes = v1Routes(
      {
        config: t.config,
        db: t.db,
        logger: createLogger({ logLevel: 'silent' }),
        defaultTimeZone: 'UTC',
        mail: t.config.mail,
      },
      {
        db: t.db,
        lifecycle: createLifecycle(),
        migrationsDir: t.config.migrationsDir,
        gitCommit: null,
      },
    );
    // Token 1 is the one `DELETE /api-tokens/1` revokes; the probing tokens come after it.
    await t.as('admin').post('/api/v1/api-tokens').send({ name: 'sacrificial', scope: 'read' });
    for (const scope of ['read', 'write'] as const) {
      const res = await t
        .as('admin')
        .post('/api/v1/api-tokens')
        .send({ name: `matrix ${scope}`, scope })
        .expect(201);
      tokens[scope] = res.body.token;
    }
  });
  afterAll(() => t.close());

  const apiOf = (c: Caller): Api =>
    c.kind === 'anonymous'
      ? t.anon
      : c.kind === 'session'
        ? t.as(c.role)
        : apiFor(t.app, { Authorization: `Bearer ${tokens[c.scope]}` });

  test('when listing the routes, then each one is in the expected table and agrees with it', () => {
    const declared = Object.fromEntries(routes.map((r) => [key(r), r.access]));
    expect(declared).toEqual(EXPECTED);
  });

  test('when every caller calls every route, then 401 / 403 / neither as the table says', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      // Read-only probes first would be nicer, but a write that passes the access check
      // meets an invalid body (or missing id 1) and stops at 400/404/422 without changing anything.
      const path = `/api/v1${route.path.replace(/:[A-Za-z]+/g, '1')}`;
      for (const caller of CALLERS) {
        // Signing out would end the session the other routes use.
        if (route.path === '/auth/logout' && caller.kind === 'session') continue;
        const res = await apiOf(caller)
          [route.method](path)
          .send(route.body ? { probe: true } : undefined);
        const expected = expectedStatus(EXPECTED[key(route)] ?? 'public', caller);
        const ok =
          expected === 'allowed'
            ? res.status !== 401 && res.status !== 403
            : res.status === expected;
        if (!ok)
          wrong.push(
            `${key(route)} as ${describeCaller(caller)}: ${res.status}, expected ${expected}`,
          );
        if (expected !== 'allowed' && ok)
          expect(res.body.code).toBe(expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
    expect(wrong).toEqual([]);
  });

  test('when a session signs out, then logout is allowed for every role', async () => {
    for (const role of ['viewer', 'operator', 'manager', 'admin'] as const) {
      const own = apiFor(t.app, await sessionHeaders(t.db, t.users[role].id));
      await own.post('/api/v1/auth/logout').expect(204);
      await own.get('/api/v1/auth/me').expect(401);
    }
  });
});
