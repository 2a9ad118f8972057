import { Link } from '@/lib/router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import { DEFAULT_SETTINGS, useSettings } from '@/hooks/use-settings';
import { LowStockList } from '@/features/dashboard/components/low-stock-list';
import { RecentMovements } from '@/features/dashboard/components/recent-movements';
import { SummaryStats } from '@/features/dashboard/components/summary-stats';
import { useStockSummary } from '@/features/dashboard/api/get-stock-summary';
import { StatusSummaryCard } from '@/features/system/components/status-summary-card';

export function DashboardRoute() {
  const allowed = useCan();
  const settings = useSettings();
  const highlight = (settings.data ?? DEFAULT_SETTINGS).highlightLowStock;
  // The lists wait for the counts, which say how long the low-stock list is: their
  // placeholders then take the lists' room, and nothing moves when the rows arrive (CLS).
  const summary = useStockSummary();
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
        <DashboardLists highlight={highlight} lowStock={summary.data?.lowStockItems ?? 1} />
      )}
    </Page>
  );
}

function DashboardLists({ highlight, lowStock }: { highlight: boolean; lowStock: number }) {
  return (
    <>
      <section className="section" aria-labelledby="low-stock-title">
        <div className="section__header">
          <h2 id="low-stock-title">Low stock</h2>
        </div>
        <LowStockList highlight={highlight} expected={lowStock} />
      </section>
      <section className="section" aria-labelledby="recent-movements-title">
        <div className="section__header">
          <h2 id="recent-movements-title">Recent movements</h2>
          <Link to={paths.movements}>All movements</Link>
        </div>
        <RecentMovements />
      </section>
      <div className="section">
        <StatusSummaryCard />
      </div>
    </>
  );
}
