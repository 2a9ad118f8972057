import { lazy, Suspense } from 'react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { LowStockList } from '@/features/dashboard/components/low-stock-list';
import { RecentMovements } from '@/features/dashboard/components/recent-movements';
import { StatusSummaryCard } from '@/features/system/components/status-summary-card';

// The charts are the page's last part, below the fold: a chunk of their own (and uPlot one more),
// asked for when the lists render, so neither the first load nor the lists wait for them.
const DashboardCharts = lazy(async () => ({
  default: (await import('@/features/dashboard/components/dashboard-charts')).DashboardCharts,
}));

/**
 * The dashboard below its counts: a chunk of its own (dashboard-route.tsx), so the page's
 * first load is the heading and the counts (decision 0019's 90 kB budget).
 */
export function DashboardLists({ highlight, lowStock }: { highlight: boolean; lowStock: number }) {
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
      <Suspense fallback={null}>
        <DashboardCharts />
      </Suspense>
    </>
  );
}
