import type { Role, Settings } from '../lib/api-types';
import { makeSettings, makeUser } from './fixtures';
import { jsonResponse, problemResponse } from './responses';

export interface SessionOptions {
  /** Who `/auth/me` says is signed in; `null` answers 401 (signed out). Default `admin`. */
  role?: Role | null;
  /** What `GET /auth/setup` says while signed out. */
  needsSetup?: boolean;
  settings?: Partial<Settings>;
}

export const unauthenticated = () =>
  problemResponse({
    title: 'Unauthorized',
    status: 401,
    code: 'UNAUTHENTICATED',
    detail: 'Sign in to continue.',
  });

export function meResponse(role: Role) {
  return jsonResponse({
    user: makeUser({ role, name: `${role[0]!.toUpperCase()}${role.slice(1)} User` }),
    session: { expiresAt: '2026-11-27T10:00:00.000Z' },
    via: 'session',
  });
}

/**
 * The routes every page behind the session guard asks for. mockApi adds them after the test's
 * own routes, so a test can still answer any of them differently.
 */
export function sessionRoutes({
  role = 'admin',
  needsSetup = false,
  settings,
}: SessionOptions = {}): Record<string, () => Response> {
  return {
    'GET /api/v1/auth/me': () => (role ? meResponse(role) : unauthenticated()),
    'GET /api/v1/auth/setup': () => jsonResponse({ needsSetup }),
    'GET /api/v1/settings': () => jsonResponse(makeSettings(settings)),
    // The header's bell asks on every page.
    'GET /api/v1/notifications/unread-count': () => jsonResponse({ unread: 0 }),
  };
}

/**
 * For tests with their own fetch stub: the session route's answer for a GET to `url`, or null
 * when the URL is not one of them.
 */
export function sessionResponse(
  input: RequestInfo | URL,
  options: SessionOptions = {},
): Response | null {
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  const path = new URL(url, 'http://localhost').pathname;
  return sessionRoutes(options)[`GET ${path}`]?.() ?? null;
}
