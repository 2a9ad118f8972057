import { Link } from 'react-router';
import { Page } from '../../components/page';
import { paths } from '../../config/paths';
import { LowStockList } from '../../features/dashboard/components/low-stock-list';
import { RecentMovements } from '../../features/dashboard/components/recent-movements';
import { SummaryStats } from '../../features/dashboard/components/summary-stats';
import { StatusSummaryCard } from '../../features/system/components/status-summary-card';

export function DashboardRoute() {
  return (
    <Page title="Dashboard" description="What is running low and what moved lately.">
      <div className="section__header section__header--end">
        <Link className="button-link" to={paths.newMovement}>
          Record a movement
        </Link>
      </div>
      <SummaryStats />
      <section className="section" aria-labelledby="low-stock-title">
        <div className="section__header">
          <h2 id="low-stock-title">Low stock</h2>
        </div>
        <LowStockList />
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
    </Page>
  );
}
