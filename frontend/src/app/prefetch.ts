import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../config/paths';
import { meQueryOptions } from '../features/auth/api/get-me';
import { LOW_STOCK_SHOWN, lowStockQueryOptions } from '../features/dashboard/api/get-low-stock';
import { recentMovementsQueryOptions } from '../features/dashboard/api/get-recent-movements';
import { stockSummaryQueryOptions } from '../features/dashboard/api/get-stock-summary';
import { readinessQueryOptions } from '../features/system/api/get-readiness';
import { settingsQueryOptions } from '../hooks/use-settings';

/**
 * On a first load everything would otherwise wait in line: the page's code chunk (routes are
 * lazy), then the session check (the pages render behind the session guard), then the page's
 * data. Ask for the session, the shell's settings and, for the pages people open first, the
 * page's data at once, while the chunk loads. Without a session those requests answer 401,
 * which signs nobody out who was signed in (nobody was).
 */
export function prefetchLandingPage(queryClient: QueryClient, location: Location): void {
  void queryClient.prefetchQuery(meQueryOptions);
  const { pathname } = location;
  // Sign-in and setup have no shell, and nobody to read the settings as.
  if (pathname === paths.signIn || pathname === paths.setup) return;
  void queryClient.prefetchQuery(settingsQueryOptions);
  if (pathname === paths.items) {
    // The items query's code is not in the entry (the dashboard does not need it); its small
    // chunk loads with the entry's. (Preloading the items page's chunk here too would put
    // its ~15 file names in the entry: sign-in's budget has no room for them.)
    void import('../features/items/api/items-query').then(({ prefetchItemsPage }) =>
      prefetchItemsPage(queryClient, location.search),
    );
  }
  if (pathname === paths.home) {
    // The same queries (same keys) as the dashboard's parts, so they find them under way.
    void queryClient.prefetchQuery(stockSummaryQueryOptions);
    void queryClient.prefetchQuery(lowStockQueryOptions(LOW_STOCK_SHOWN, 0));
    void queryClient.prefetchQuery(recentMovementsQueryOptions);
    void queryClient.prefetchQuery(readinessQueryOptions);
  }
}
