import type { QueryClient } from '@tanstack/react-query';

// Shared roots so one feature can refresh another's data without importing it: a movement
// changes items' on-hand, location totals, stock reports and the movement history.
export const queryRoots = {
  items: 'items',
  locations: 'locations',
  movements: 'movements',
  stock: 'stock',
} as const;

// Not stock data, so kept out of invalidateInventory.
export const accountRoots = {
  auth: 'auth',
  settings: 'settings',
  users: 'users',
  apiTokens: 'api-tokens',
  audit: 'audit',
  webhooks: 'webhooks',
  mail: 'mail',
  alerts: 'alerts',
  notifications: 'notifications',
} as const;

/** Who is signed in; `null` once the server has said nobody is. */
export const meQueryKey = [accountRoots.auth, 'me'] as const;

/** After anything that changes stock, everything that shows stock is stale. */
export function invalidateInventory(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    Object.values(queryRoots).map((root) => queryClient.invalidateQueries({ queryKey: [root] })),
  ).then(() => undefined);
}

/**
 * Forgets every cached answer except the session itself, which mounted components are still
 * watching (removing that entry would leave them looking at a query nobody updates).
 */
export function forgetEverythingButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) =>
      query.queryKey[0] !== meQueryKey[0] || query.queryKey[1] !== meQueryKey[1],
  });
}
