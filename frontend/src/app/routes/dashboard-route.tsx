import { Page } from '../../components/page';
import { StatusSummaryCard } from '../../features/system/components/status-summary-card';

export function DashboardRoute() {
  return (
    <Page
      title="Dashboard"
      description="Welcome to Stockroom. Track what you have, where it is, and how it moves."
    >
      <StatusSummaryCard />
    </Page>
  );
}
