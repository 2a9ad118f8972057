/** Roles, least to most powerful: each may do everything the ones before it may. */
export const ROLES = ['viewer', 'operator', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route: `public` (anyone), `authenticated` (any identity, session or token),
 * `session` (a signed-in user, not an API token: own-account routes), or the least role.
 */
export type Access = 'public' | 'authenticated' | 'session' | Role;

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What an API token may do: read = viewer, write = manager (never admin). */
export const SCOPE_ROLE: Record<TokenScope, Role> = { read: 'viewer', write: 'manager' };

export const roleRank = (role: Role): number => ROLES.indexOf(role);

export const hasRole = (actual: Role, needed: Role): boolean =>
  roleRank(actual) >= roleRank(needed);
