import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../config/paths';
import { prefetchItemsPage } from '../features/items/api/items-query';

/**
 * On a first load, a page's data would wait for the session check (the pages render behind
 * the session guard): request both at once for the pages people open first. Without a
 * session the request answers 401, which signs nobody out who was signed in.
 */
export function prefetchLandingPage(queryClient: QueryClient, location: Location): void {
  if (location.pathname === paths.items) void prefetchItemsPage(queryClient, location.search);
}
