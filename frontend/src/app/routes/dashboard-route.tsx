import { lazy, Suspense, useEffect } from 'react';
import { Link } from '@/lib/router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import { DEFAULT_SETTINGS, useSettings } from '@/hooks/use-settings';
import { SummaryStats } from '@/features/dashboard/components/summary-stats';
import { useStockSummary } from '@/features/dashboard/api/get-stock-summary';

// The lists render only once the counts are in (below), so their code need not be in the
// page's first load (decision 0019): it is asked for beside their data, so that it is
// normally there before the counts are. On a load that lands here, at once (the lists' data
// is prefetched at start too, app/prefetch.ts); otherwise when the page first renders.
const importLists = () => import('./dashboard-lists');
let listsChunk: ReturnType<typeof importLists> | undefined;
function loadLists() {
  listsChunk ??= importLists();
  // A chunk that fails to load is the page's error boundary's to show, when the lists render.
  listsChunk.catch(() => undefined);
  return listsChunk;
}
if (window.location.pathname === paths.home) void loadLists();
const DashboardLists = lazy(async () => ({ default: (await loadLists()).DashboardLists }));

export function DashboardRoute() {
  const allowed = useCan();
  const settings = useSettings();
  const highlight = (settings.data ?? DEFAULT_SETTINGS).highlightLowStock;
  // The lists wait for the counts, which say how long the low-stock list is: their
  // placeholders then take the lists' room, and nothing moves when the rows arrive (CLS).
  const summary = useStockSummary();
  useEffect(() => void loadLists(), []);
  return (
    <Page title="Dashboard" description="What is running low and what moved lately.">
      {allowed('movement.record') ? (
        <div className="section__header section__header--end">
          <Link className="button-link" to={paths.newMovement}>
            Record a movement
          </Link>
        </div>
      ) : null}
      <SummaryStats canCreateItems={allowed('item.write')} />
      {summary.isPending ? null : (
        // Until the chunk is in, nothing, as while the counts load: nothing below moves.
        <Suspense fallback={null}>
          <DashboardLists highlight={highlight} lowStock={summary.data?.lowStockItems ?? 1} />
        </Suspense>
      )}
    </Page>
  );
}
